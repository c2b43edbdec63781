import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
  /** This store's own folder, made at the first upload: two hosts never share or clear each other's files. */
  #uploadDir: string | null = null;

  /** `parentDir` receives one folder per store, removed by `dispose`. */
  constructor(private readonly parentDir: string) {}

  /** Where a job may put its own working copies (beside the uploads, not in a RAM-backed /tmp by choice). */
  get workDir(): string {
    return this.parentDir;
  }

  register(path: string, name = basename(path)): FileEntry {
    const entry = { ref: randomBytes(16).toString('hex'), path, name };
    this.#entries.set(entry.ref, entry);
    return entry;
  }

  /** Saves an uploaded stream under the upload folder and registers it. */
  async saveUpload(stream: Readable, name: string, maxBytes: number): Promise<FileEntry> {
    if (this.#uploadDir === null) {
      mkdirSync(this.parentDir, { recursive: true });
      this.#uploadDir = mkdtempSync(join(this.parentDir, 'ramed-uploads-'));
    }
    const safe =
      basename(name)
        .replace(/[^\w.\- ]/g, '_')
        .slice(0, 120) || 'fichier';
    const path = join(this.#uploadDir, `${randomBytes(8).toString('hex')}-${safe}`);
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

  /** Deletes an uploaded copy and forgets its reference (a file picked on disk is only forgotten). */
  removeUpload(ref: string): void {
    const entry = this.#entries.get(ref);
    if (!entry) return;
    this.#entries.delete(ref);
    if (this.#uploadDir !== null && entry.path.startsWith(this.#uploadDir)) rmSync(entry.path, { force: true });
  }

  /**
   * Removes the uploaded copies (a registry can weigh hundreds of megabytes) and forgets every
   * file: called when the host closes. Files the user picked on disk are never touched.
   */
  dispose(): void {
    this.#entries.clear();
    if (this.#uploadDir !== null) rmSync(this.#uploadDir, { recursive: true, force: true });
    this.#uploadDir = null;
  }

  resolve(ref: string): FileEntry {
    const entry = this.#entries.get(ref);
    if (!entry) throw new DomainError('NOT_FOUND', 'Fichier introuvable : choisissez-le à nouveau.');
    return entry;
  }
}
