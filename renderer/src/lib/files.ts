import type { GeneratedFile, RegisteredFile } from '../../../shared/contract/files';
import { fail, type ApiResult } from '../../../shared/contract/result';
import type { UploadKind } from '../../../shared/contract/uploads';
import { hostCredentials } from './bridge';

declare global {
  interface Window {
    /** Set by the Electron preload: registers a picked file's path with the main process. */
    ramedFiles?: { register(file: File): Promise<ApiResult<RegisteredFile>> };
  }
}

/**
 * Hands a file chosen in an <input type="file"> to the back end and answers its opaque
 * reference: in Electron the main process reads it where it is; in the browser it is uploaded.
 */
export async function registerFile(file: File, kind: UploadKind): Promise<ApiResult<RegisteredFile>> {
  if (window.ramedFiles) return window.ramedFiles.register(file);
  const { token, clientId } = hostCredentials();
  try {
    const response = await fetch(`/api/upload?kind=${kind}&name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-ramed-token': token, 'x-ramed-client': clientId, 'content-type': 'application/octet-stream' },
      body: file,
    });
    return (await response.json()) as ApiResult<RegisteredFile>;
  } catch {
    return fail('TRANSPORT', 'Envoi du fichier impossible : le service local ne répond pas.');
  }
}

/** Offers a document produced by the back end to the user (saved by the browser or Electron). */
export function downloadFile(file: GeneratedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

/** Offers text made in the window (a CSV of a table) as a file. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: mimeType }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
