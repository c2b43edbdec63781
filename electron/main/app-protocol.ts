import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_SCHEME } from '../../shared/contract/ipc-channels';

// No electron import: the rules of the window's origin are tested in plain Node.

/**
 * Whether a URL is the app's own `ramed://app/…`. Compared by scheme and host, not by `origin`:
 * the URL standard gives a custom scheme an opaque origin ("null").
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app' && parsed.username === '' && parsed.password === '';
}

/** The file of the built renderer that a `ramed://app/…` request names, or null if it would leave `root`. */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let path: string;
  try {
    // Encoded separators and dots (%2e%2e%2f) are decoded here, after the URL's own normalisation.
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}
