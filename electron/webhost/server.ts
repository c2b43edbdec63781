import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiEvent } from '../../shared/events';
import { fail } from '../../shared/result';
import { newSlot, type Core } from '../core/app';
import type { SessionSlot } from '../core/context';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * The browser host: the core services in Node, the renderer served on 127.0.0.1 only, and the
 * same contract bridged over HTTP (POST /api/call) with server-sent events (GET /api/events).
 * Every API request must carry the per-run token; each browser tab gets its own session slot.
 */
export interface WebHost {
  url: string;
  token: string;
  server: Server;
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
/** A national registry file is a few hundred megabytes. */
const MAX_UPLOAD = 4 * 1024 * 1024 * 1024;

export async function startWebHost(options: { core: Core; staticDir: string; port?: number; token?: string }): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const slots = new Map<string, SessionSlot & { listeners: Set<(e: ApiEvent) => void> }>();
  const slotFor = (clientId: string) => {
    let slot = slots.get(clientId);
    if (!slot) {
      const listeners = new Set<(e: ApiEvent) => void>();
      slot = Object.assign(
        newSlot((event) => listeners.forEach((l) => l(event))),
        { listeners },
      );
      slots.set(clientId, slot);
    }
    return slot;
  };
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      options.core.deps.log.error('hôte web', error);
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify(fail('INTERNAL', 'Erreur interne du serveur local.')));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Refuse any Host but our own: a web page elsewhere cannot reach us by DNS rebinding.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Hôte refusé');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      const clientId = req.headers['x-ramed-client'] ?? url.searchParams.get('client');
      const given = req.headers['x-ramed-token'] ?? url.searchParams.get('token');
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

  /** The browser's way to hand in a file: saved under the upload folder, answered by an opaque ref. */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL, slot: SessionSlot) {
    if (!slot.session) return send(res, 403, 'application/json', JSON.stringify(fail('NOT_AUTHENTICATED', 'Connectez-vous d’abord.')));
    try {
      const entry = await options.core.deps.files.saveUpload(req, url.searchParams.get('name') ?? 'fichier', MAX_UPLOAD);
      send(res, 200, 'application/json', JSON.stringify({ ok: true, value: { ref: entry.ref, name: entry.name } }));
    } catch (error) {
      const message = error instanceof Error && error.name === 'DomainError' ? error.message : 'Envoi du fichier interrompu.';
      send(res, 400, 'application/json', JSON.stringify(fail('INVALID_INPUT', message)));
    }
  }

  function events(req: IncomingMessage, res: ServerResponse, slot: SessionSlot & { listeners: Set<(e: ApiEvent) => void> }) {
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
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
