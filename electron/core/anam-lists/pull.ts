import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PullListReport, PullReport } from '../../../shared/domain/anam-lists';
import { describeZodError } from '../../../shared/contract/validation';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import { importReferenceFile } from '../reference/import';
import { medicineFile } from '../reference/medicine-file';
import { tariffFile } from '../reference/tariff-file';
import { importRegistry, type ImportHooks } from '../registry/import-registry';
import { readSignature } from '../registry/private-copy';
import { checkSignature } from '../registry/signature';
import { getSettings } from '../settings/settings';
import { downloadResumable, DownloadError } from './download';
import { indexPath, listIndexSchema, PULL_LIST_NAMES, type ListFile, type PullList } from './list-index';

/** A pull's service context (on the database itself: each file is applied in its own transaction), and what it needs besides. */
export interface PullEnv extends ServiceContext {
  fetch: typeof fetch;
  /** Where downloads are kept (their `.part` files survive a failed attempt). */
  folder: string;
  hooks: ImportHooks;
}

interface Link {
  endpoint: string;
  headers: Record<string, string>;
  timeoutMs: number;
  publicKey: string;
}

/** Refused: the French reason, recorded and shown; the list stops there. */
class Refusal extends Error {}

const isNetworkError = (error: unknown) => error instanceof TypeError || (error instanceof Error && /Timeout|Abort/.test(error.name));

async function lastApplied(db: Kysely<Database>, list: PullList) {
  return db
    .selectFrom('anam_pull')
    .select(['sequence', 'sha256'])
    .where('list', '=', PULL_LIST_NAMES[list])
    .where('status', '=', 'applique')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

async function readIndex(env: PullEnv, link: Link, list: PullList, after: number): Promise<ListFile[]> {
  const response = await env.fetch(`${link.endpoint}/${indexPath(list, after)}`, {
    headers: { ...link.headers, accept: 'application/json' },
    signal: AbortSignal.timeout(link.timeoutMs),
  });
  if (!response.ok) throw new Refusal(`index refusé par l’ANAM (HTTP ${response.status})`);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    throw new Refusal('index illisible (JSON invalide)');
  }
  const parsed = listIndexSchema.safeParse(body);
  if (!parsed.success) throw new Refusal(`index non conforme : ${describeZodError(parsed.error).message}`);
  const files = parsed.data.files;
  if (list !== 'registry') return files.slice(-1);
  if (files.some((f) => f.sequence === undefined)) throw new Refusal('index non conforme : numéro de séquence manquant');
  return files.filter((f) => f.sequence! > after).sort((a, b) => a.sequence! - b.sequence!);
}

/** Downloads one file and its signature, checks both, and gives the path of the verified file. */
async function fetchVerified(env: PullEnv, link: Link, file: ListFile): Promise<{ path: string; signaturePath: string }> {
  const url = new URL(file.url, `${link.endpoint}/`).toString();
  const path = join(env.folder, file.name);
  const partPath = `${path}.part`;
  try {
    await downloadResumable(env.fetch, {
      url,
      partPath,
      size: file.size,
      sha256: file.sha256,
      headers: link.headers,
      timeoutMs: link.timeoutMs,
    });
  } catch (error) {
    if (error instanceof DownloadError) throw new Refusal(error.message);
    throw error;
  }
  const sig = await env.fetch(`${url}.sig`, { headers: link.headers, signal: AbortSignal.timeout(link.timeoutMs) });
  if (!sig.ok) throw new Refusal(`signature introuvable chez l’ANAM (HTTP ${sig.status})`);
  const signaturePath = `${path}.sig`;
  const signatureText = await sig.text();
  await writeFile(signaturePath, signatureText);
  const status = await checkSignature(partPath, signatureText, link.publicKey);
  if (status !== 'valid') {
    // A file that does not verify is not kept: the next attempt downloads it again.
    await rm(partPath, { force: true });
    await rm(signaturePath, { force: true });
    throw new Refusal('signature invalide : le fichier ne vient pas de l’ANAM ou a été modifié');
  }
  await rename(partPath, path);
  return { path, signaturePath };
}

/** Hands the verified file to the same import as a file picked by hand. */
async function apply(env: PullEnv, list: PullList, file: ListFile, verified: { path: string; signaturePath: string }): Promise<void> {
  try {
    if (list === 'registry') {
      const request = {
        path: verified.path,
        fileName: file.name,
        signaturePath: verified.signaturePath,
        mode: 'delta' as const,
        strict: false,
      };
      await importRegistry(env.deps, { ...request, by: env.login }, env.hooks);
      return;
    }
    const spec = list === 'tariffs' ? tariffFile : medicineFile;
    const entry = { ref: file.name, path: verified.path, name: file.name };
    const signatureText = await readSignature(verified.signaturePath);
    const report = await env.db
      .transaction()
      .execute(async (trx) => importReferenceFile<unknown>({ ...env, db: trx }, { file: entry, spec: spec as never, signatureText }));
    if (!report.applied) {
      const lines = report.rejected.slice(0, 3).map((r) => `ligne ${r.line} : ${r.reason}`);
      throw new Refusal(`import refusé, ${report.rejected.length} ligne(s) en erreur (${lines.join(' ; ')})`);
    }
  } catch (error) {
    if (error instanceof DomainError) throw new Refusal(error.message);
    throw error;
  }
}

async function record(env: PullEnv, list: PullList, file: ListFile, error: string | null): Promise<void> {
  await env.db
    .insertInto('anam_pull')
    .values({
      list: PULL_LIST_NAMES[list],
      sequence: file.sequence ?? null,
      file_name: file.name,
      sha256: file.sha256,
      bytes: file.size,
      at: isoNow(env.clock),
      by_login: env.login,
      status: error === null ? 'applique' : 'refuse',
      error,
    })
    .execute();
}

async function pullList(env: PullEnv, link: Link, list: PullList): Promise<PullListReport> {
  const report: PullListReport = { list, files: 0, applied: 0, error: null };
  const last = await lastApplied(env.db, list);
  let file: ListFile | undefined;
  try {
    const files = await readIndex(env, link, list, last?.sequence ?? 0);
    // A list already applied is not fetched again.
    const todo = list === 'registry' ? files : files.filter((f) => f.sha256 !== last?.sha256);
    report.files = todo.length;
    for (file of todo) {
      env.hooks.progress(report.applied, todo.length, `${PULL_LIST_NAMES[list]} : ${file.name}`);
      const verified = await fetchVerified(env, link, file);
      await apply(env, list, file, verified);
      await rm(verified.path, { force: true });
      await rm(verified.signaturePath, { force: true });
      await record(env, list, file, null);
      report.applied += 1;
    }
  } catch (error) {
    if (error instanceof Refusal) {
      report.error = `${file ? `${file.name} : ` : ''}${error.message}.`;
      if (file) await record(env, list, file, report.error);
    } else if (isNetworkError(error)) {
      // Offline or cut off: nothing is recorded, a `.part` is kept for the next attempt.
      report.error = 'ANAM injoignable (pas de réseau ?) : nouvel essai au prochain téléchargement.';
    } else throw error;
  }
  return report;
}

/**
 * Pulls the lists the ANAM publishes (docs/anam-link.md): for each, its index, then each new file
 * with its detached signature, downloaded resumably, verified (size, SHA-256 of the index,
 * Ed25519 signature) and applied by the same import as a file picked by hand, in sequence for
 * registry deltas. The first refusal stops its list. Without an endpoint nothing happens.
 */
export async function pullLists(env: PullEnv, lists: readonly PullList[]): Promise<PullReport> {
  const s = await getSettings(env.db, ['anam.endpoint', 'anam.token', 'anam.timeoutMs', 'anam.publicKey']);
  const endpoint = s['anam.endpoint'].replace(/\/+$/, '');
  if (endpoint === '') return { configured: false, lists: [] };
  if (s['anam.publicKey'].trim() === '') {
    throw new DomainError(
      'CONFLICT',
      'Clé publique de l’ANAM non configurée (anam.publicKey) : les listes téléchargées ne peuvent pas être vérifiées.',
    );
  }
  const link: Link = {
    endpoint,
    headers: s['anam.token'] ? { authorization: `Bearer ${s['anam.token']}` } : {},
    timeoutMs: s['anam.timeoutMs'],
    publicKey: s['anam.publicKey'],
  };
  await mkdir(env.folder, { recursive: true });
  const report: PullReport = { configured: true, lists: [] };
  for (const list of lists) {
    if (env.hooks.signal.aborted) break;
    report.lists.push(await pullList(env, link, list));
  }
  return report;
}
