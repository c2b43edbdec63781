import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { BackupManifest } from '../../../shared/domain/backup';
import type { Facility } from '../../../shared/domain/facility';
import type { AuditKey } from '../audit/audit-key';
import { AUDIT_KEY_MIGRATION } from '../audit/seal';
import { MIGRATIONS } from '../db/migrations/index';
import { DomainError, refused } from '../errors';
import { sha256File } from './files';
import { manifestSignatureHolds } from './manifest';
import { openSqliteFile, sqliteCode } from './sqlite-file';
import { frenchNumberFormat } from '../../../shared/lib/french-number';

export interface DatabaseFacts {
  /** Migrations the file holds, in order; the last is its schema version. */
  migrations: string[];
  facility: { code: string; name: string } | null;
  /** The audit head the file holds; null when it has none. */
  auditHead: { seq: number; hash: string } | null;
}

const KNOWN_MIGRATIONS = new Set(MIGRATIONS.map((m) => m.name));
const bytes = frenchNumberFormat();

/**
 * Opens a copy read-only and answers what it holds, after SQLite's own integrity check;
 * a French refusal when it is not a readable RAMED database.
 */
export async function inspectDatabaseFile(path: string, name: string): Promise<DatabaseFacts> {
  // Opening a WAL-mode copy creates its -wal and -shm files: remove those this check made.
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  let file;
  try {
    file = await openSqliteFile(path, 'read');
  } catch {
    throw refused(`« ${name} » ne peut pas être ouvert comme une base de données.`);
  }
  try {
    const check = await file.all<{ integrity_check: string }>('pragma integrity_check');
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') {
      throw refused(`La sauvegarde « ${name} » est abîmée (contrôle d'intégrité : ${check[0]?.integrity_check ?? 'sans réponse'}).`);
    }
    const tables = await file.all<{ name: string }>("select name from sqlite_master where type = 'table' and name = 'schema_migration'");
    if (tables.length === 0) throw refused(`« ${name} » n'est pas une sauvegarde de RAMED Guichet (aucun schéma reconnu).`);
    const migrations = (await file.all<{ name: string }>('select name from schema_migration order by name')).map((r) => r.name);
    const facility = (await file.all<{ code: string; name: string }>('select code, name from facility where id = 1'))[0] ?? null;
    const auditHead = (await file.all<{ seq: number; hash: string }>('select seq, hash from audit_head where id = 1'))[0] ?? null;
    return { migrations, facility, auditHead };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw refused(`« ${name} » n'est pas une base de données lisible (fichier abîmé ou d'un autre type).`);
    if (code === 'SQLITE_CORRUPT') throw refused(`La sauvegarde « ${name} » est abîmée : SQLite ne peut pas la lire.`);
    throw refused(`La sauvegarde « ${name} » est illisible (${code ?? 'erreur inconnue'}).`);
  } finally {
    await file.close();
    for (const sidecar of sidecars) await rm(sidecar, { force: true });
  }
}

/** A refusal when the file holds a migration this version of the app does not know. */
export function refuseNewerSchema(facts: DatabaseFacts, name: string): void {
  const unknown = facts.migrations.filter((m) => !KNOWN_MIGRATIONS.has(m));
  if (unknown.length > 0) {
    throw refused(
      `La sauvegarde « ${name} » vient d'une version plus récente de RAMED Guichet (schéma ${unknown.at(-1)}) : ` +
        'mettez d’abord l’application à jour sur ce poste, puis restaurez-la.',
    );
  }
}

/**
 * Everything checked before a backup may replace the database: size and SHA-256 against the
 * manifest (a truncated or bit-flipped copy), integrity, schema not newer, and the same facility.
 * `hashed` skips re-reading a file whose hash was taken while copying it.
 */
export async function checkBackup(
  path: string,
  name: string,
  manifest: BackupManifest,
  options: {
    current: Facility | null;
    hashed?: { sha256: string; size: number };
    /** This workstation's audit key, which must have signed the manifest. */
    key: AuditKey | null;
    /** Accept a manifest signed by another workstation's key (the user said so). */
    acceptOtherKey?: boolean;
  },
): Promise<DatabaseFacts & { otherKeyId: string | null }> {
  const otherKeyId = checkSignature(name, manifest, options.key, options.acceptOtherKey ?? false);
  const size = options.hashed?.size ?? (await stat(path)).size;
  if (size !== manifest.size) {
    throw refused(
      `La sauvegarde « ${name} » est incomplète : ${bytes.format(size)} octets au lieu de ${bytes.format(manifest.size)} ` +
        '(copie interrompue ou clé USB abîmée). Choisissez une autre sauvegarde.',
    );
  }
  const sha256 = options.hashed?.sha256 ?? (await sha256File(path));
  if (sha256 !== manifest.sha256) {
    throw refused(
      `La sauvegarde « ${name} » a été modifiée ou abîmée : son empreinte SHA-256 ne correspond pas à son manifeste. ` +
        'Choisissez une autre sauvegarde.',
    );
  }
  const facts = await inspectDatabaseFile(path, name);
  refuseNewerSchema(facts, name);
  const headDiffers =
    manifest.formatVersion === 2 &&
    (facts.auditHead?.seq !== manifest.auditHead?.seq || facts.auditHead?.hash !== manifest.auditHead?.hash);
  if (facts.migrations.at(-1) !== manifest.schemaVersion || facts.facility?.code !== manifest.facility?.code || headDiffers) {
    throw refused(`Le manifeste de « ${name} » ne correspond pas à son contenu : choisissez une autre sauvegarde.`);
  }
  if (manifest.formatVersion === 1 && facts.migrations.includes(AUDIT_KEY_MIGRATION)) {
    throw refused(
      `Le manifeste de « ${name} » n'est pas signé, alors que la sauvegarde vient d'une version qui signe les siennes : ` +
        'il a été remplacé. Choisissez une autre sauvegarde.',
    );
  }
  const current = options.current;
  if (current && facts.facility?.code !== current.code) {
    const theirs = facts.facility ? `${facts.facility.name} [${facts.facility.code}]` : 'aucun établissement';
    throw refused(`La sauvegarde « ${name} » est celle d'un autre établissement (${theirs}), pas de ${current.name} [${current.code}].`);
  }
  return { ...facts, otherKeyId };
}

/**
 * A format-2 manifest must be signed by this workstation's key: a copy edited and its manifest
 * recomputed cannot be signed again without it. One signed by another key is refused unless the
 * user says where it comes from (`acceptOtherKey`); answers that key's fingerprint then.
 */
function checkSignature(name: string, manifest: BackupManifest, key: AuditKey | null, acceptOtherKey: boolean): string | null {
  if (manifest.formatVersion === 1) return null;
  if (!key) {
    throw refused(`La clé d'audit est absente de ce poste : la signature de la sauvegarde « ${name} » ne peut pas être vérifiée.`);
  }
  if (manifest.keyId !== key.id) {
    if (acceptOtherKey && manifest.keyId) return manifest.keyId;
    throw refused(
      `La sauvegarde « ${name} » a été signée par un autre poste (clé d'audit ${manifest.keyId ?? 'inconnue'}, celle de ce poste : ${key.id}). ` +
        'Si vous êtes sûr de sa provenance, restaurez-la avec l’option « --autre-cle » (ligne de commande) : ' +
        'son journal sera alors scellé avec la clé de ce poste, et la restauration notée dans le journal.',
    );
  }
  if (!manifestSignatureHolds(key, manifest)) {
    throw refused(
      `Le manifeste de la sauvegarde « ${name} » a été modifié : sa signature ne correspond pas. Choisissez une autre sauvegarde.`,
    );
  }
  return null;
}
