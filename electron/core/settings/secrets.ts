import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SETTINGS, type SettingKey } from '../../../shared/domain/settings';
import type { AuditKey } from '../audit/audit-key';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';

/**
 * Settings declared `secret: true` (the ANAM token…) are stored encrypted (AES-256-GCM, with a key
 * derived from the audit key, which never enters the base): a copy of the base or a backup does
 * not give them away. Stored as the JSON string `ramed-secret:v1:<key id>:<base64 iv|tag|text>`.
 */
const PREFIX = 'ramed-secret:v1:';

/** The keys this process holds, by fingerprint; the last one loaded seals new values. */
const keyring = new Map<string, Buffer>();
let sealingKeyId: string | null = null;

export function holdSecretKey(key: AuditKey): void {
  keyring.set(key.id, Buffer.from(hkdfSync('sha256', key.bytes, Buffer.alloc(0), 'ramed-settings-secret', 32)));
  sealingKeyId = key.id;
}

export const isSecretSetting = (key: string): boolean => {
  const def = (SETTINGS as Record<string, { secret?: boolean }>)[key];
  return def?.secret === true;
};

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/** The value to store: a non-empty string sealed when a key is held, anything else as is. */
export function sealSecret(value: unknown): unknown {
  if (typeof value !== 'string' || value === '' || isSealed(value) || !sealingKeyId) return value;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.get(sealingKeyId)!, iv);
  const text = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}${sealingKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64')}`;
}

/** The clear value of a sealed one; a French refusal when this workstation lacks its key or it was altered. */
export function openSecret(key: SettingKey, sealed: string): string {
  const [keyId, payload] = sealed.slice(PREFIX.length).split(':');
  const secret = keyId ? keyring.get(keyId) : undefined;
  if (!secret || !payload) {
    throw new DomainError(
      'REFUSED',
      `Le paramètre ${key} est chiffré avec une clé absente de ce poste (empreinte ${keyId ?? '?'}) : ` +
        'copiez-y le fichier audit.key du poste qui l’a saisi, ou saisissez-le de nouveau.',
    );
  }
  try {
    const bytes = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError('REFUSED', `Le paramètre ${key} chiffré a été modifié hors de l’application : saisissez-le de nouveau.`);
  }
}

/** Seals the secret settings a base still holds in clear (one saved before this version). */
export async function sealStoredSecrets(db: Kysely<Database>): Promise<void> {
  if (!sealingKeyId) return;
  const keys = Object.keys(SETTINGS).filter(isSecretSetting);
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'in', keys).execute();
  for (const row of rows) {
    const value = JSON.parse(row.value) as unknown;
    const sealed = sealSecret(value);
    if (sealed !== value)
      await db
        .updateTable('setting')
        .set({ value: JSON.stringify(sealed) })
        .where('key', '=', row.key)
        .execute();
  }
}
