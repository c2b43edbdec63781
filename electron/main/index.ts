import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { newSlot } from '../core/app';
import type { SessionSlot } from '../core/context';
import { startHost, type Host } from '../core/host';
import { openFailure, resolveDatabase } from '../core/workstation';
import { isAppUrl, resolveAppFile } from './app-protocol';
import { openPdfDownloads } from './downloads';
import { APP_ORIGIN, APP_SCHEME, IPC_CALL, IPC_EVENT, IPC_FILE } from '../../shared/contract/ipc-channels';
import { buildMenu } from './menu';

// A thin shell: window, menu, IPC wiring and lifecycle. All logic lives in electron/core.
// Hardened along Electron's security checklist; README "Sécurité de l'application" lists each point.

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let host: Host | undefined;
const slots = new Map<number, SessionSlot>();

function rendererRoot(): string {
  return join(import.meta.dirname, '../renderer');
}

/** Serves the built renderer from `ramed://app/`, never a file outside it, always with the CSP. */
function serveApp() {
  const root = rendererRoot();
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Méthode refusée', { status: 405 });
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Refusé', { status: 403 });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return new Response('Introuvable', { status: 404 });
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'RAMED Guichet',
    show: false,
    webPreferences: {
      // Reviewed: the preload exposes the contract's client and an event subscription only, never ipcRenderer or Node.
      preload: join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  slots.set(
    id,
    newSlot((event) => !win.isDestroyed() && win.webContents.send(IPC_EVENT, event)),
  );
  win.on('closed', () => slots.delete(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

// Every web contents, present and future: no new window, no navigation away, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  // No camera, microphone, location, notifications, USB, serial…: the app asks for none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  openPdfDownloads(session.defaultSession);
  let resolved: ReturnType<typeof resolveDatabase> | undefined;
  try {
    resolved = resolveDatabase(undefined, process.env, process.env.RAMED_HOME ?? app.getPath('userData'));
    host = await startHost({ db: resolved.target, program: 'l’application RAMED Guichet', outboxName: 'poste' });
  } catch (error) {
    // No window without a database: say why in French, and where the address came from.
    dialog.showErrorBox('Base de données inaccessible', resolved ? openFailure(resolved, error) : (error as Error).message);
    app.quit();
    return;
  }
  const { core } = host;

  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    const slot = trustedSlot(event);
    if (!slot) return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } };
    return core.dispatch(slot, String(method), input);
  });
  ipcMain.handle(IPC_FILE, async (event, path: unknown) => {
    const slot = trustedSlot(event);
    if (!slot?.session || typeof path !== 'string' || !isRegularFile(path)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Fichier refusé.' } };
    }
    const entry = core.deps.files.register(path);
    return { ok: true, value: { ref: entry.ref, name: entry.name } };
  });

  serveApp();
  Menu.setApplicationMenu(buildMenu());
  createWindow();
});

/** The session slot of a call from our own page's main frame, or null for anything else. */
function trustedSlot(event: IpcMainInvokeEvent): SessionSlot | null {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return null;
  return slots.get(event.sender.id) ?? null;
}

/** What the page hands in is the path of a file the user picked: an existing regular file, nothing else. */
function isRegularFile(path: string): boolean {
  try {
    return isAbsolute(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

app.on('window-all-closed', async () => {
  await host?.stop();
  app.quit();
});
