import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { JobProgress } from '../../shared/contract/events';
import { ROLES } from '../../shared/domain/roles';
import type { Core } from '../core/core-types';
import type { SessionSlot } from '../core/context';
import { systemClock } from '../core/clock';
import { isPostgresUrl } from '../core/db/target';
import { DomainError } from '../core/errors';
import { silentLogger, consoleLogger } from '../core/logger';
import { openFailure, resolveDatabase } from '../core/workstation';
import { UsageError, type CliCommand, type CliContext } from './command';
import { COMMANDS } from './commands/index';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Where a person watching a long job sees it advance (a terminal); absent: silent. */
  progress?(progress: JobProgress): void;
}

const GLOBAL_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const two = `${argv[0]} ${argv[1]}`;
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : null;
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'ramed — guichet RAMED en ligne de commande',
    '',
    'Usage : ramed <commande> [options] [--db CHEMIN|postgres://…] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(Math.min(width, 60))}  ${c.summary}`),
    '',
    'Codes de sortie : 0 succès, 1 refus (ex. non éligible), 2 entrée ou usage incorrects.',
  ].join('\n');
}

/** Runs one command line; returns the exit code. All output goes through `io`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let core: Core | undefined;
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout(helpText());
      return argv.length === 0 ? 2 : 0;
    }
    const found = findCommand(argv);
    if (!found) throw new UsageError(`Commande inconnue : « ${argv.slice(0, 2).join(' ')} ». Tapez « ramed --help ».`);
    const { command, rest } = found;
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message.replace(/^Unknown option/, 'Option inconnue')}\nUsage : ramed ${command.usage}`);
    }
    if (parsed.values.help) {
      io.stdout(`Usage : ramed ${command.usage}\n${command.summary}`);
      return 0;
    }
    const limits = command.positionals ?? { min: 0, max: 0 };
    if (parsed.positionals.length < limits.min || parsed.positionals.length > limits.max) {
      throw new UsageError(`Nombre d'arguments incorrect.\nUsage : ramed ${command.usage}`);
    }
    const resolved = resolveDatabase(typeof parsed.values.db === 'string' ? parsed.values.db : undefined, io.env);
    const dbTarget = resolved.target;
    const slot: SessionSlot = {
      session: null,
      emit: (event) => {
        if (event.type === 'job.progress' && !json) io.progress?.(event.progress);
      },
    };
    const os = safeUser();
    slot.session = {
      userId: null,
      login: `cli:${os}`,
      fullName: `Ligne de commande (${os})`,
      roles: [...ROLES],
      mustChangePassword: false,
      startedAt: systemClock.now().toISOString(),
      lastActivityAt: systemClock.now().toISOString(),
    };
    async function opened(): Promise<Core> {
      if (!core) {
        // The core and the database drivers load only for a command that runs: help answers at once.
        const { MissingDatabaseError, openCore } = await import('../core/app');
        const create = command.createsDatabase === true;
        if (create && !isPostgresUrl(dbTarget)) mkdirSync(dirname(dbTarget), { recursive: true });
        try {
          core = await openCore({
            db: dbTarget,
            log: json ? silentLogger : consoleLogger,
            program: 'la ligne de commande « ramed »',
            create,
          });
        } catch (error) {
          if (error instanceof MissingDatabaseError) throw new UsageError(error.message);
          throw new DomainError('TRANSPORT', openFailure(resolved, error));
        }
      }
      return core;
    }
    const ctx: CliContext = {
      json,
      dbTarget,
      workstationFile: resolved.file,
      async registerFile(path) {
        return (await opened()).deps.files.register(path);
      },
      async call(method, input) {
        const result = await (await opened()).dispatch(slot, method, input);
        if (!result.ok) throw new DomainError(result.error.code, result.error.message, result.error.fields);
        return result.value as never;
      },
    };
    const output = await command.run(ctx, {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    });
    io.stdout(json ? JSON.stringify(output.json, null, 2) : output.text);
    return output.exitCode ?? 0;
  } catch (error) {
    const usage =
      error instanceof UsageError || (error instanceof DomainError && (error.code === 'INVALID_INPUT' || error.code === 'UNKNOWN_METHOD'));
    const code = error instanceof DomainError ? error.code : usage ? 'USAGE' : 'INTERNAL';
    const message =
      error instanceof UsageError || error instanceof DomainError
        ? error.message
        : `Erreur inattendue : ${(error as Error)?.message ?? String(error)}`;
    if (json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2));
    io.stderr(message);
    return usage ? 2 : 1;
  } finally {
    await core?.close();
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'inconnu';
  }
}
