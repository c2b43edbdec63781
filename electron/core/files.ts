import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { DomainError } from './errors';

export interface FileEntry {
  ref: string;
  path: string;
  /** The name the user chose (for the audit and messages), not a path. */
  name: string;
}

/**
 * Files handed in by the window (a registry, a tariff list, a backup, an ANAM answer). The window
 * never sends a path the back end would trust: it gets an opaque `ref` for a file the host
 * registered (Electron: the path of a file the user picked; browser host: an upload saved here).
 */
export class FileStore {
  readonly #entries = new Map<string, FileEntry>();

  constructor(private readonly uploadDir: string) {}

  register(path: string, name = basename(path)): FileEntry {
    const entry = { ref: randomBytes(16).toString('hex'), path, name };
    this.#entries.set(entry.ref, entry);
    return entry;
  }

  /** Saves an uploaded stream under the upload folder and registers it. */
  async saveUpload(stream: Readable, name: string, maxBytes: number): Promise<FileEntry> {
    mkdirSync(this.uploadDir, { recursive: true });
    const safe =
      basename(name)
        .replace(/[^\w.\- ]/g, '_')
        .slice(0, 120) || 'fichier';
    const path = join(this.uploadDir, `${randomBytes(8).toString('hex')}-${safe}`);
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stream.destroy(new DomainError('INVALID_INPUT', 'Fichier trop volumineux.'));
    });
    try {
      await pipeline(stream, createWriteStream(path));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    return this.register(path, name);
  }

  resolve(ref: string): FileEntry {
    const entry = this.#entries.get(ref);
    if (!entry) throw new DomainError('NOT_FOUND', 'Fichier introuvable : choisissez-le à nouveau.');
    return entry;
  }
}
