import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxExportReport } from '../../../shared/domain/outbox';
import { DomainError, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { exportClaim } from '../claims/export';
import type { ServiceContext } from '../context';

/** What `manifest.json` of an export folder holds (README, "Envoi par clé USB"). */
export interface OutboxExportManifest {
  format: 'ramed-anam-envoi';
  formatVersion: 1;
  facility: { code: string; name: string };
  createdAt: string;
  createdBy: string;
  /** Each file is the body to POST to `{endpoint}/Bundle` with its `Idempotency-Key`. */
  files: Array<{ file: string; sha256: string; size: number; idempotencyKey: string; month: string; version: number; episode: string }>;
  /** For the people at the ANAM who read rather than load: each claim version's bordereau and CSV. */
  documents: Array<{ file: string; sha256: string; size: number; month: string; version: number; kind: 'bordereau' | 'csv' }>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const stamp = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
const safe = (name: string) => name.replace(/[^\w.-]/g, '_');

const invalid = (message: string) => new DomainError('INVALID_INPUT', message, { folder: message });

/**
 * Writes every Claim not yet sent (waiting, or given up; never a superseded one) to a new folder
 * inside `folder`, one JSON file per message, each claim version's bordereau (PDF) and CSV, and a
 * manifest with each file's SHA-256, for someone
 * to carry to the ANAM on a USB key. The messages stay pending, marked exported: the ANAM's answer
 * (imported from its file) acknowledges them, and the network may still send them (same key).
 */
export async function exportPending(ctx: ServiceContext, { folder }: { folder: string }): Promise<OutboxExportReport> {
  if (!existsSync(folder)) throw invalid(`Dossier introuvable : ${folder} (la clé USB est-elle branchée ?).`);
  if (!statSync(folder).isDirectory()) throw invalid(`« ${folder} » n’est pas un dossier.`);
  const facility = await getFacility(ctx.db);
  if (!facility) throw refused('L’établissement n’est pas configuré : voyez l’administrateur.');
  const messages = await ctx.db
    .selectFrom('outbox_message')
    .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
    .select([
      'outbox_message.id',
      'outbox_message.idempotency_key',
      'outbox_message.body',
      'outbox_message.episode_number',
      'claim.month',
      'claim.version',
    ])
    .where((eb) => eb.or([eb('outbox_message.status', '=', 'en_attente'), eb('outbox_message.status', '=', 'echec')]))
    .where('outbox_message.superseded_by', 'is', null)
    .orderBy('outbox_message.id')
    .execute();
  if (messages.length === 0) throw refused('Aucune réclamation en attente d’envoi : rien à exporter.');

  const now = ctx.clock.now().toISOString();
  const target = join(folder, `anam-${safe(facility.code)}-${stamp(now)}`);
  try {
    await mkdir(target);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw invalid(
      code === 'EEXIST'
        ? `Le dossier ${target} existe déjà : attendez une seconde et recommencez.`
        : `Impossible d’écrire dans ${folder} (${code ?? 'erreur'}) : la clé est-elle protégée en écriture ?`,
    );
  }
  const manifest: OutboxExportManifest = {
    format: 'ramed-anam-envoi',
    formatVersion: 1,
    facility: { code: facility.code, name: facility.name },
    createdAt: now,
    createdBy: ctx.login,
    files: [],
    documents: [],
  };
  for (const m of messages) {
    const file = safe(`${m.month}-v${m.version}-${m.episode_number}.json`);
    const bytes = Buffer.from(m.body, 'utf8');
    await writeFile(join(target, file), bytes, { flag: 'wx' });
    manifest.files.push({
      file,
      sha256: sha256(bytes),
      size: bytes.length,
      idempotencyKey: m.idempotency_key,
      month: m.month,
      version: m.version,
      episode: m.episode_number,
    });
  }
  const versions = [...new Map(messages.map((m) => [`${m.month}-v${m.version}`, { month: m.month, version: m.version }])).values()];
  for (const { month, version } of versions) {
    for (const kind of ['bordereau', 'csv'] as const) {
      const document = await exportClaim(ctx, { month, version, format: kind === 'bordereau' ? 'pdf' : 'csv' });
      const bytes = Buffer.from(document.base64, 'base64');
      const file = safe(document.fileName);
      await writeFile(join(target, file), bytes, { flag: 'wx' });
      manifest.documents.push({ file, sha256: sha256(bytes), size: bytes.length, month, version, kind });
    }
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(target, 'manifest.json'), manifestText, { flag: 'wx' });
  const manifestSha256 = sha256(manifestText);

  const ids = messages.map((m) => m.id);
  for (let i = 0; i < ids.length; i += 500) {
    await ctx.db
      .updateTable('outbox_message')
      .set({ exported_at: now })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
  await ctx.db
    .insertInto('outbox_export')
    .values({ at: now, by_login: ctx.login, folder: target, messages: messages.length, manifest_sha256: manifestSha256 })
    .execute();
  return { folder: target, files: messages.length, manifestSha256 };
}
