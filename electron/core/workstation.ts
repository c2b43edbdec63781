import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../shared/contract/validation';
import { isPostgresUrl } from './db/target';
import { DomainError } from './errors';
import { userDataDir } from './paths';

/**
 * This workstation's own settings, kept in `poste.json` in the user data folder rather than in
 * the database: which database to open is decided before any database is open, and a shared
 * PostgreSQL database cannot hold the address of itself for each desk.
 */
export const WORKSTATION_FILE = 'poste.json';
export const DATABASE_URL_KEY = 'database.url';

export const databaseUrl = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(1024, 'Adresse trop longue')
    .refine(isPostgresUrl, 'Adresse postgres://utilisateur:motdepasse@serveur:5432/base attendue (vide : base locale SQLite)')
    .refine((v) => URL.canParse(v), 'Adresse PostgreSQL illisible : vérifiez le serveur, le port et le nom de la base'),
]);

const workstationConfig = z.object({ [DATABASE_URL_KEY]: databaseUrl.optional() }).loose();
export type WorkstationConfig = z.output<typeof workstationConfig>;

export const workstationFile = (env: NodeJS.ProcessEnv = process.env, dataDir = userDataDir(env)): string =>
  join(dataDir, WORKSTATION_FILE);

/** The workstation's settings; none when the file does not exist. A damaged file is refused, never ignored. */
export function readWorkstation(file: string): WorkstationConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DomainError('INVALID_INPUT', `Fichier ${file} illisible : ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new DomainError('INVALID_INPUT', `Fichier ${file} : JSON invalide. Corrigez-le ou supprimez-le (la base locale sera utilisée).`);
  }
  const parsed = workstationConfig.safeParse(json);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', `Fichier ${file} : ${describeZodError(parsed.error).message}`);
  return parsed.data;
}

/** Sets (or, with '', removes) the shared database of this workstation; the file is replaced whole. */
export function setWorkstationDatabase(file: string, url: string): WorkstationConfig {
  const parsed = databaseUrl.safeParse(url);
  if (!parsed.success)
    throw new DomainError('INVALID_INPUT', describeZodError(parsed.error).message, {
      [DATABASE_URL_KEY]: describeZodError(parsed.error).message,
    });
  const config: WorkstationConfig = { ...readWorkstation(file) };
  if (parsed.data === '') delete config[DATABASE_URL_KEY];
  else config[DATABASE_URL_KEY] = parsed.data;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return config;
}

/** Where the database to open was named: the command line, the environment, this workstation's file, or the default. */
export type DatabaseSource = 'option' | 'env' | 'workstation' | 'default';

export const DATABASE_SOURCE_LABELS: Record<DatabaseSource, string> = {
  option: 'option --db',
  env: 'variable RAMED_DB',
  workstation: `paramètre ${DATABASE_URL_KEY} du poste`,
  default: 'base locale par défaut',
};

/**
 * The database a host opens: `--db`, else RAMED_DB, else this workstation's `database.url`, else
 * `ramed.db` in the user data folder (the Electron app passes its own `userData` folder).
 */
export function resolveDatabase(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  dataDir = userDataDir(env),
): { target: string; source: DatabaseSource; file: string } {
  const file = workstationFile(env, dataDir);
  if (option) return { target: option, source: 'option', file };
  if (env.RAMED_DB) return { target: env.RAMED_DB, source: 'env', file };
  const url = readWorkstation(file)[DATABASE_URL_KEY];
  if (url) return { target: url, source: 'workstation', file };
  return { target: join(dataDir, 'ramed.db'), source: 'default', file };
}

/** What PostgreSQL or the network answered, in French for the usual cases (error codes of pg and Node). */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'le serveur refuse la connexion (PostgreSQL arrêté, mauvais port, ou pare-feu)',
  ENOTFOUND: 'serveur introuvable sur le réseau (nom ou adresse erronés)',
  EHOSTUNREACH: 'serveur injoignable (réseau coupé ?)',
  ETIMEDOUT: 'le serveur ne répond pas (réseau coupé ou pare-feu)',
  '28P01': 'mot de passe refusé',
  '28000': 'connexion refusée par le serveur (pg_hba.conf n’autorise pas ce poste ou cet utilisateur)',
  '3D000': 'cette base n’existe pas sur le serveur',
};

function plainReason(error: unknown): string {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && REASONS[code]) return REASONS[code];
  }
  return (error as Error)?.message ?? String(error);
}

/** A French message for a database that would not open, saying where its address came from and how to go back. */
export function openFailure(resolved: { target: string; source: DatabaseSource; file: string }, error: unknown): string {
  const reason = plainReason(error);
  const fix = {
    option: 'Corrigez l’option --db.',
    env: 'Corrigez ou retirez la variable RAMED_DB.',
    workstation: `Corrigez ${DATABASE_URL_KEY} dans ${resolved.file}, ou retirez-le pour revenir à la base locale (ramed settings set ${DATABASE_URL_KEY} "").`,
    default: 'Vérifiez les droits sur le dossier de données, ou restaurez une sauvegarde.',
  }[resolved.source];
  if (!isPostgresUrl(resolved.target))
    return `Base ${resolved.target} impossible à ouvrir (${DATABASE_SOURCE_LABELS[resolved.source]}) : ${reason}. ${fix}`;
  // Never the whole address: it holds the password.
  const url = new URL(resolved.target);
  return (
    `Base PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname} impossible à ouvrir (${DATABASE_SOURCE_LABELS[resolved.source]}) : ${reason}. ` +
    `Vérifiez que le serveur est démarré et joignable depuis ce poste, l’utilisateur et son mot de passe. ${fix}`
  );
}
