import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../errors';

/** SHA-256 (hex) of a file, read as a stream. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies a file while hashing it, reporting the bytes copied, and syncs the copy to disk:
 * what was hashed is exactly what was written.
 */
export async function copyHashing(
  from: string,
  to: string,
  onBytes: (copied: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      onBytes(size);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx' }), signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw new DomainError('CANCELLED', 'Restauration annulée : rien n’a été changé.');
    throw error;
  }
  await syncFile(to);
  return { sha256: hash.digest('hex'), size };
}

/** Forces a file's bytes to the disk (a USB key pulled out right after must still hold them). */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a small file whole or not at all: a temp file synced, then renamed over the target. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    await writeFile(temp, text, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file-system failure said in French, with what to do. */
export function describeFsError(error: unknown, path: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOSPC':
      return `Plus assez de place pour écrire dans « ${path} » : libérez de la place sur la clé ou choisissez un autre dossier.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Écriture refusée dans « ${path} » (clé protégée en écriture ou droits insuffisants).`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Dossier introuvable : « ${path} ». Branchez la clé USB ou choisissez un autre dossier.`;
    case 'EBUSY':
      return `Le fichier « ${path} » est utilisé par un autre programme : fermez-le, puis recommencez.`;
    default:
      return `Erreur d'accès au fichier « ${path} »${code ? ` (${code})` : ''}.`;
  }
}
