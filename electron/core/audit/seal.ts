import type { Clock } from '../clock';
import type { DbHandle } from '../db/connect';
import { anchorAudit, type AuditKeyRef } from './audit-log';
import { auditKeyFrom, type AuditKey, type AuditKeyStore } from './audit-key';
import { holdSecretKey, sealStoredSecrets } from '../settings/secrets';

export const AUDIT_KEY_MIGRATION = '0020_audit_key';

/**
 * The key this process seals the audit with, loaded from its store. When migration 0020 has just
 * run on this base (a new base, or one from an older version), the chain is anchored now, the key
 * created if this workstation has none yet. A base already anchored is never re-anchored here: if
 * its head lost its key, that is tampering for `audit verify` to report, not something to paper over.
 */
export async function loadAuditKey(
  handle: DbHandle,
  store: AuditKeyStore,
  justApplied: readonly string[],
  clock: Clock,
): Promise<AuditKeyRef> {
  const stored = await store.load();
  const head = await handle.db.selectFrom('audit_head').select(['seq', 'key_id']).where('id', '=', 1).executeTakeFirst();
  if (!justApplied.includes(AUDIT_KEY_MIGRATION) || !head || head.key_id !== null) {
    const key = stored ? auditKeyFrom(stored) : null;
    if (key) await holdSecrets(handle, key);
    return { key, where: store.where };
  }
  const key = auditKeyFrom(stored ?? (await store.create()));
  await holdSecrets(handle, key);
  await anchorAudit(handle.db, handle.features, key, {
    at: clock.now().toISOString(),
    actorLogin: 'système',
    prior: 'sha256',
    previousKeyId: null,
    reason: 'Mise à jour 0020 : le journal existant est scellé avec la clé de ce poste.',
  });
  return { key, where: store.where };
}

/** The settings' secrets are opened and sealed with the same key; any still in clear are sealed now. */
async function holdSecrets(handle: DbHandle, key: AuditKey): Promise<void> {
  holdSecretKey(key);
  await sealStoredSecrets(handle.db);
}
