import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userDataDir } from '../paths';

/**
 * The secret that seals the audit chain, the backup manifests and the secret settings. It is
 * kept outside the database: whoever can write the database file cannot recompute a chain, a
 * head or a manifest without it.
 */
export interface AuditKey {
  /** A short fingerprint (not the key): which key sealed a base or a backup. */
  id: string;
  /** HMAC-SHA-256 (hex) of `data` under the key. */
  mac(data: string): string;
  /** The raw key, for deriving the settings' encryption key. */
  bytes: Buffer;
}

/** Where the key lives; the core never knows how (a protected file, the OS keychain…). */
export interface AuditKeyStore {
  /** Said to the user when the key is missing (the file's path). */
  where: string;
  /** The key, or null when this workstation has none. */
  load(): Promise<Buffer | null>;
  /** Creates the key (or answers the one another process created first). */
  create(): Promise<Buffer>;
}

export function auditKeyFrom(bytes: Buffer): AuditKey {
  return {
    id: createHash('sha256').update('ramed-audit-key-id\n').update(bytes).digest('hex').slice(0, 16),
    mac: (data) => createHmac('sha256', bytes).update(data).digest('hex'),
    bytes,
  };
}

const PREFIX = 'ramed-audit-key-v1:';

/** `RAMED_AUDIT_KEY_FILE`, or `audit.key` in the app's data folder (shared by the app, the CLI and the browser host). */
export function defaultAuditKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.RAMED_AUDIT_KEY_FILE || join(userDataDir(env), 'audit.key');
}

/** The key in a file readable by its owner only (0600), in a folder of its own (0700). */
export function fileKeyStore(path: string): AuditKeyStore {
  const load = async (): Promise<Buffer | null> => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const bytes = text.startsWith(PREFIX) ? Buffer.from(text.slice(PREFIX.length).trim(), 'base64') : Buffer.alloc(0);
    if (bytes.length !== 32) throw new Error(`Le fichier de clé d'audit « ${path} » est illisible.`);
    return bytes;
  };
  return {
    where: path,
    load,
    async create() {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      try {
        writeFileSync(path, `${PREFIX}${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
        chmodSync(path, 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      return (await load())!;
    },
  };
}
