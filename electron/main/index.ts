import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { openCore, newSlot, type Core } from '../core/app';
import { startBackupScheduler, type BackupScheduler } from '../core/backup/scheduler';
import { startOutboxWorker, type OutboxWorker } from '../core/outbox/worker';
import { isPostgresUrl } from '../core/db/connect';
import type { SessionSlot } from '../core/context';
import { APP_ORIGIN, APP_SCHEME, IPC_CALL, IPC_EVENT, IPC_FILE } from './channels';
import { buildMenu } from './menu';

// A thin shell: window, menu, IPC wiring and lifecycle. All logic lives in electron/core.

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let core: Core | undefined;
let scheduler: BackupScheduler | undefined;
let outbox: OutboxWorker | undefined;
const slots = new Map<number, SessionSlot>();

function rendererRoot(): string {
  return join(import.meta.dirname, '../renderer');
}

function serveApp() {
  const root = rendererRoot();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.origin !== APP_ORIGIN) return new Response('Refusé', { status: 403 });
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = join(root, path);
    if (!file.startsWith(root)) return new Response('Refusé', { status: 403 });
    const response = await net.fetch(`file://${file}`);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
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
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  slots.set(
    id,
    newSlot((event) => !win.isDestroyed() && win.webContents.send(IPC_EVENT, event)),
  );
  win.on('closed', () => slots.delete(id));
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Only our own documentation links may open, and only in the system browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const db = process.env.RAMED_DB ?? join(app.getPath('userData'), 'ramed.db');
  if (!isPostgresUrl(db)) mkdirSync(dirname(db), { recursive: true });
  core = await openCore({ db });
  scheduler = startBackupScheduler(core);
  outbox = startOutboxWorker(core, 'poste');

  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    const slot = trustedSlot(event);
    if (!slot || !core) return { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine inconnue.' } };
    return core.dispatch(slot, String(method), input);
  });
  ipcMain.handle(IPC_FILE, async (event, path: unknown) => {
    const slot = trustedSlot(event);
    if (!slot?.session || !core || typeof path !== 'string' || path === '') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Fichier refusé.' } };
    }
    const entry = core.deps.files.register(path);
    return { ok: true, value: { ref: entry.ref, name: entry.name } };
  });

  serveApp();
  Menu.setApplicationMenu(buildMenu());
  createWindow();
});

/** The session slot of a call from our own page, or null for any other origin. */
function trustedSlot(event: Electron.IpcMainInvokeEvent): SessionSlot | null {
  const frameUrl = event.senderFrame?.url ?? '';
  if (!frameUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  return slots.get(event.sender.id) ?? null;
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', async () => {
  await scheduler?.stop();
  await outbox?.stop();
  await core?.close();
  app.quit();
});
