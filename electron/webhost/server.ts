import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { api } from '../../shared/api/index';
import type { ApiEvent } from '../../shared/contract/events';
import { fail } from '../../shared/contract/result';
import { isUploadKind, UPLOAD_KINDS, type UploadKind } from '../../shared/contract/uploads';
import { newSlot, type Core } from '../core/app';
import type { SessionSlot } from '../core/context';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';

/**
 * The browser host: the core services in Node, the renderer served on 127.0.0.1 only, and the
 * same contract bridged over HTTP (POST /api/call) with server-sent events (GET /api/events).
 * Every API request must carry the per-run token; each browser tab gets its own session slot.
 */
export interface WebHost {
  url: string;
  token: string;
  server: Server;
  /** How many tabs hold a session slot now. */
  slotCount(): number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 20 * 1024 * 1024;
/** An uploaded file is deleted this long after it arrived: every use reads it at once (a registry import copies it first). */
export const UPLOAD_KEPT_MS = 60 * 60_000;
/** A tab unheard of for this long (and with no open event stream) loses its slot, and with it its session. */
export const SLOT_IDLE_MS = 12 * 60 * 60_000;
/** At most this many tabs at once: each unknown client id made a slot that was never freed. */
export const MAX_SLOTS = 200;

type HostSlot = SessionSlot & { listeners: Set<(e: ApiEvent) => void>; seenAt: number };

export interface WebHostOptions {
  core: Core;
  staticDir: string;
  port?: number;
  token?: string;
  /** The host's clock for slot and upload expiry (tests move it). */
  now?: () => number;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const now = options.now ?? Date.now;
  const slots = new Map<string, HostSlot>();
  const slotFor = (clientId: string): HostSlot => {
    let slot = slots.get(clientId);
    if (slot) slots.delete(clientId);
    else {
      const listeners = new Set<(e: ApiEvent) => void>();
      slot = Object.assign(
        newSlot((event) => listeners.forEach((l) => l(event))),
        { listeners, seenAt: 0 },
      );
    }
    // Kept in order of last use: the first ones are the first to go.
    slot.seenAt = now();
    slots.set(clientId, slot);
    pruneSlots();
    return slot;
  };
  const pruneSlots = () => {
    let excess = slots.size - MAX_SLOTS;
    for (const [id, slot] of slots) {
      const idle = now() - slot.seenAt > SLOT_IDLE_MS;
      if ((idle || excess > 0) && slot.listeners.size === 0) {
        slots.delete(id);
        excess--;
      } else if (!idle && excess <= 0) break;
    }
  };
  const uploads = new Map<string, number>();
  const sweepUploads = () => {
    for (const [ref, at] of uploads) {
      if (now() - at < UPLOAD_KEPT_MS) continue;
      options.core.deps.files.removeUpload(ref);
      uploads.delete(ref);
    }
  };
  const sweeper = setInterval(() => {
    sweepUploads();
    pruneSlots();
  }, 60_000);
  sweeper.unref();
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      // A malformed address (« /%E0%A4%A ») is the client's mistake, not the server's.
      if (error instanceof URIError) {
        if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'Adresse mal formée.');
        return;
      }
      options.core.deps.log.error('hôte web', error);
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify(fail('INTERNAL', 'Erreur interne du serveur local.')));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Refuse any Host but our own: a web page elsewhere cannot reach us by DNS rebinding.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Hôte refusé');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      // Only the host's own page may call: a browser names the calling page in Origin on every
      // POST (and on a cross-site GET); another site's page is refused before anything else.
      const callerOrigin = req.headers.origin;
      const isEvents = url.pathname === '/api/events' && req.method === 'GET';
      if (callerOrigin !== undefined ? callerOrigin !== origin : !isEvents) {
        return send(
          res,
          403,
          'application/json',
          JSON.stringify(fail('FORBIDDEN', 'Origine refusée : seule la page du Guichet RAMED peut appeler ce service.')),
        );
      }
      // The token comes in a header; only the event stream (EventSource cannot send headers) takes it from the address.
      const clientId = req.headers['x-ramed-client'] ?? (isEvents ? url.searchParams.get('client') : null);
      const given = req.headers['x-ramed-token'] ?? (isEvents ? url.searchParams.get('token') : null);
      if (given !== token || typeof clientId !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(clientId)) {
        return send(
          res,
          403,
          'application/json',
          JSON.stringify(fail('NOT_AUTHENTICATED', 'Jeton de session locale invalide : rouvrez l’adresse affichée au démarrage.')),
        );
      }
      if (url.pathname === '/api/call' && req.method === 'POST') return call(req, res, slotFor(clientId));
      if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res, slotFor(clientId));
      if (url.pathname === '/api/upload' && req.method === 'POST') return upload(req, res, url, slotFor(clientId));
      return send(res, 404, 'text/plain', 'Introuvable');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Méthode refusée');
    return serveStatic(url.pathname, res);
  }

  async function call(req: IncomingMessage, res: ServerResponse, slot: SessionSlot) {
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return send(
        res,
        415,
        'application/json',
        JSON.stringify(fail('INVALID_INPUT', 'Requête refusée : JSON attendu (content-type application/json).')),
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, 'application/json', JSON.stringify(fail('INVALID_INPUT', 'Requête trop volumineuse.')));
      chunks.push(chunk as Buffer);
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, 'application/json', JSON.stringify(fail('INVALID_INPUT', 'Requête illisible (JSON attendu).')));
    }
    const result = await options.core.dispatch(slot, body?.method as string, body?.input);
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  /**
   * The browser's way to hand in a file: `kind` says what it is for; only the roles of the method
   * that reads it may send it, up to that use's size. Saved under the upload folder, answered by
   * an opaque ref, deleted `UPLOAD_KEPT_MS` later.
   */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL, slot: SessionSlot) {
    const refuse = (status: number, code: 'NOT_AUTHENTICATED' | 'FORBIDDEN' | 'INVALID_INPUT', message: string) => {
      // The body is not read: the connection is closed rather than drained.
      res.setHeader('connection', 'close');
      send(res, status, 'application/json', JSON.stringify(fail(code, message)));
    };
    if (!slot.session) return refuse(403, 'NOT_AUTHENTICATED', 'Connectez-vous d’abord.');
    const kind = url.searchParams.get('kind');
    if (!isUploadKind(kind)) return refuse(400, 'INVALID_INPUT', 'Envoi refusé : usage du fichier inconnu.');
    if (!mayUpload(slot.session.roles, kind))
      return refuse(403, 'FORBIDDEN', 'Envoi refusé : votre rôle ne permet pas d’utiliser ce fichier.');
    const { maxBytes } = UPLOAD_KINDS[kind];
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) return refuse(413, 'INVALID_INPUT', tooLarge(maxBytes));
    sweepUploads();
    try {
      const entry = await options.core.deps.files.saveUpload(req, url.searchParams.get('name') ?? 'fichier', maxBytes);
      uploads.set(entry.ref, now());
      send(res, 200, 'application/json', JSON.stringify({ ok: true, value: { ref: entry.ref, name: entry.name } }));
    } catch (error) {
      const message = error instanceof Error && error.name === 'DomainError' ? tooLarge(maxBytes) : 'Envoi du fichier interrompu.';
      refuse(error instanceof Error && error.name === 'DomainError' ? 413 : 400, 'INVALID_INPUT', message);
    }
  }

  function events(req: IncomingMessage, res: ServerResponse, slot: HostSlot) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connecté\n\n');
    const listener = (event: ApiEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    slot.listeners.add(listener);
    req.on('close', () => slot.listeners.delete(listener));
  }

  function serveStatic(pathname: string, res: ServerResponse) {
    const root = normalize(options.staticDir);
    let file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'text/plain', 'Refusé');
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // A missing chunk (one of an older build a page still asks for) is missing: the app's page in
      // its place would reach the browser as a script and fail as a MIME or syntax error.
      if (pathname.startsWith('/assets/')) return send(res, 404, 'text/plain; charset=utf-8', 'Introuvable');
      file = join(root, 'index.html');
    }
    if (!existsSync(file))
      return send(res, 503, 'text/plain; charset=utf-8', "L'interface n'est pas construite : lancez « npm run build ».");
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    server,
    slotCount: () => slots.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The roles of the method that reads an upload of this kind. */
function mayUpload(roles: readonly string[], kind: UploadKind): boolean {
  const { access } = api[UPLOAD_KINDS[kind].method];
  return access === 'any' || (access !== 'public' && access.some((role) => roles.includes(role)));
}

function tooLarge(maxBytes: number): string {
  const size =
    maxBytes >= 1024 ** 3
      ? `${maxBytes / 1024 ** 3} Gio`
      : maxBytes >= 1024 ** 2
        ? `${maxBytes / 1024 ** 2} Mio`
        : `${maxBytes / 1024} Kio`;
  return `Fichier trop volumineux pour cet usage (au plus ${size}).`;
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
