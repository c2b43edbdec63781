import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { APP_NAME } from './version';

/**
 * The folder Electron calls `userData` (the app and the CLI agree on it without Electron):
 * %APPDATA%\RAMED Guichet on Windows, ~/Library/Application Support/… on macOS,
 * $XDG_CONFIG_HOME or ~/.config/… elsewhere. RAMED_HOME overrides it.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.RAMED_HOME) return env.RAMED_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/**
 * A file shipped in `resources/` (sample registry, tariffs…): next to a packaged app
 * (`process.resourcesPath`), else found upward from this module (the source tree, `out/`).
 */
export function resourceFile(name: string): string {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources', name))) return join(packaged, 'resources', name);
  for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', name))) return join(dir, 'resources', name);
  }
  throw new Error(`Fichier de référence introuvable : resources/${name}`);
}
