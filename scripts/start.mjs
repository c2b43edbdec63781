// `npm start`: the real Electron app. Electron's binary is fetched on first start when the
// install script was denied; where it cannot be fetched, say so in one line and name the way out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

// Not require('electron'): that starts the download itself, with its own noisy output.
function electronPresent() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

if (!electronPresent()) {
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore' });
  if (install.status !== 0 || !electronPresent()) {
    console.error(
      "Electron n'a pas pu être téléchargé sur cette machine : lancez « npm run dev:web » pour utiliser l'application dans le navigateur.",
    );
    process.exit(1);
  }
}
const run = spawnSync('node_modules/.bin/electron-vite', ['dev'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
