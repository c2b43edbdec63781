import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';

export interface DownloadTarget {
  url: string;
  /** The `.part` file, kept across attempts. */
  partPath: string;
  size: number;
  sha256: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Why a download did not end with the announced bytes (French, for the history and the status bar). */
export class DownloadError extends Error {}

const sizeOf = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0;

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `bytes START-END/TOTAL` of a 206 answer; null when missing or unreadable. */
function rangeStart(header: string | null): number | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Downloads `url` into its `.part` file, resuming where an earlier attempt stopped (HTTP Range):
 * a 206 answer is appended at the offset it states, a 200 starts the file over. The bytes are
 * written as they come, so a broken connection keeps what arrived. Ends with the size and the
 * SHA-256 checked against the index; a `.part` that does not match is removed, to start over.
 */
export async function downloadResumable(fetchImpl: typeof fetch, target: DownloadTarget): Promise<{ resumedFrom: number }> {
  let have = await sizeOf(target.partPath);
  if (have > target.size) {
    await rm(target.partPath, { force: true });
    have = 0;
  }
  const resumedFrom = have;
  if (have < target.size) {
    const response = await fetchImpl(target.url, {
      headers: { ...target.headers, ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    if (response.status !== 200 && response.status !== 206) throw new DownloadError(`le serveur a répondu HTTP ${response.status}`);
    const offset = response.status === 206 ? rangeStart(response.headers.get('content-range')) : 0;
    if (offset === null || offset > have) throw new DownloadError('reprise du téléchargement refusée par le serveur (Content-Range)');
    const file = await open(target.partPath, offset === 0 ? 'w' : 'r+');
    try {
      let position = offset;
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        if (chunk.done) break;
        await file.write(chunk.value, 0, chunk.value.length, position);
        position += chunk.value.length;
      }
      await file.truncate(position);
    } finally {
      await file.close();
    }
  }
  const size = await sizeOf(target.partPath);
  if (size !== target.size) throw new DownloadError(`téléchargement incomplet (${size} octets sur ${target.size})`);
  if ((await sha256Of(target.partPath)) !== target.sha256) {
    await rm(target.partPath, { force: true });
    throw new DownloadError('empreinte SHA-256 différente de celle annoncée par l’ANAM : fichier altéré, il sera téléchargé à nouveau');
  }
  return { resumedFrom };
}
