import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../errors';

/** A detached signature is 88 characters of base64; anything much larger is not one. */
const MAX_SIGNATURE_BYTES = 4096;

/**
 * The file as it was when the import began, in a folder only this import uses, with its SHA-256
 * taken while copying. The import hashes, verifies and reads this copy only: swapping or editing
 * the original meanwhile cannot make it import bytes other than those it checked.
 */
export interface PrivateCopy {
  path: string;
  sha256: string;
  /** The signature file's text as read once, or null when there is none. */
  signature: string | null;
  dispose(): Promise<void>;
}

export async function privateCopy(parentDir: string, path: string, signaturePath: string | null): Promise<PrivateCopy> {
  await mkdir(parentDir, { recursive: true });
  const dir = await mkdtemp(join(parentDir, 'ramed-import-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, 'registre');
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(path), hashing, createWriteStream(copy, { mode: 0o600 }));
    return { path: copy, sha256: hash.digest('hex'), signature: signaturePath ? await readSignature(signaturePath) : null, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Reads the signature through one descriptor, bounded; null when the file does not exist. */
export async function readSignature(path: string): Promise<string | null> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(MAX_SIGNATURE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_SIGNATURE_BYTES) {
      throw new DomainError('REFUSED', 'Fichier de signature refusé : trop volumineux pour une signature (attendu une ligne en base64).');
    }
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
