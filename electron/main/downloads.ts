import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { app, shell, type Session } from 'electron';

/** `name` in `folder`, numbered « (2) », « (3) »… when a file of that name is already there. */
function freePath(folder: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let path = join(folder, name);
  for (let n = 2; existsSync(path); n++) path = join(folder, `${stem} (${n})${ext}`);
  return path;
}

/**
 * A PDF the app produced (admission slip, bordereau, stock report) is saved in the Downloads
 * folder and opened in the system's viewer, ready to print: no save dialog between the desk and
 * the printer. Other files (CSV, FHIR) keep the save dialog, to go on a USB key.
 */
export function openPdfDownloads(session: Session): void {
  session.on('will-download', (_event, item) => {
    if (item.getMimeType() !== 'application/pdf' && extname(item.getFilename()).toLowerCase() !== '.pdf') return;
    const path = freePath(app.getPath('downloads'), item.getFilename());
    item.setSavePath(path);
    item.once('done', (_done, state) => {
      if (state === 'completed') void shell.openPath(path);
    });
  });
}
