import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../electron/core/files';

describe('the store of files handed in by the window', () => {
  let parent = '';
  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), 'ramed-filestore-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  const upload = (store: FileStore, text: string, name = 'registre.csv') =>
    store.saveUpload(Readable.from([Buffer.from(text)]), name, 1024);

  it('keeps each store’s uploads in a folder of its own and removes them when it closes', async () => {
    const first = new FileStore(parent);
    const second = new FileStore(parent);
    const a = await upload(first, 'premier');
    const b = await upload(second, 'second');
    expect(a.path.startsWith(parent)).toBe(true);
    expect(join(a.path, '..')).not.toBe(join(b.path, '..'));

    first.dispose();
    expect(existsSync(a.path)).toBe(false);
    expect(existsSync(join(a.path, '..'))).toBe(false);
    expect(() => first.resolve(a.ref)).toThrow(/introuvable/);
    expect(readFileSync(second.resolve(b.ref).path, 'utf8')).toBe('second');
  });

  it('never removes a file the user picked on disk', () => {
    const picked = join(mkdtempSync(join(tmpdir(), 'ramed-picked-')), 'tarifs.csv');
    writeFileSync(picked, 'code;libelle\n');
    const store = new FileStore(parent);
    const entry = store.register(picked);
    store.dispose();
    expect(readFileSync(entry.path, 'utf8')).toBe('code;libelle\n');
    rmSync(join(picked, '..'), { recursive: true, force: true });
  });

  it('refuses a file over the size limit and leaves nothing behind', async () => {
    const store = new FileStore(parent);
    await expect(upload(store, 'x'.repeat(2048))).rejects.toThrow(/trop volumineux/);
    const folders = readdirSync(parent);
    expect(folders).toHaveLength(1);
    expect(readdirSync(join(parent, folders[0]!))).toEqual([]);
  });
});
