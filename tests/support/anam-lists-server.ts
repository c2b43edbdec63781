import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** A file the ANAM publishes, with its detached signature. */
interface Published {
  sequence?: number;
  name: string;
  bytes: Buffer;
  signature: string;
}

/**
 * The ANAM's list server as docs/anam-link.md describes it, on 127.0.0.1 only: a JSON index per
 * list (`registry/deltas?after=N`, `tariffs/current`, `medicines/current`), each file under
 * `files/<name>` with HTTP Range (206 + Content-Range) like any static file server, and its
 * signature at `files/<name>.sig`. Faults: a download cut after some bytes, a bad signature.
 */
const sizeOf = (path: string): number => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

export interface AnamListsServer {
  url: string;
  /** The base64 raw Ed25519 public key to configure as `anam.publicKey`. */
  publicKey: string;
  /** Every request: path and Range header. */
  requests: Array<{ path: string; range: string | null }>;
  /** The next download of a file is cut after this many bytes (then served normally). */
  cutAfter: Map<string, number>;
  /** Where the client writes `<name>.part`: a cut waits (up to 5 s) until the client has the bytes sent. */
  clientFolder: string | null;
  /** Serve whole files with 200, ignoring Range (a server or proxy without resumption). */
  ignoreRange: boolean;
  /** The SHA-256 the index announces instead of the true one, by file name (an altered file). */
  announcedSha256: Map<string, string>;
  publish(
    list: 'registry' | 'tariffs' | 'medicines',
    name: string,
    content: string | Buffer,
    options?: { sequence?: number; signedBy?: KeyObject },
  ): void;
  close(): Promise<void>;
}

export async function startAnamListsServer(options: { token: string }): Promise<AnamListsServer> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const lists = { registry: [] as Published[], tariffs: [] as Published[], medicines: [] as Published[] };
  const files = new Map<string, Published>();
  const sockets = new Set<Socket>();

  const entry = (f: Published) => ({
    ...(f.sequence !== undefined ? { sequence: f.sequence } : {}),
    name: f.name,
    url: `files/${f.name}`,
    sha256: self.announcedSha256.get(f.name) ?? createHash('sha256').update(f.bytes).digest('hex'),
    size: f.bytes.length,
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    self.requests.push({ path: `${url.pathname}${url.search}`, range: req.headers.range ?? null });
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401).end();
      return;
    }
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/fhir/registry/deltas') {
      const after = Number(url.searchParams.get('after') ?? 0);
      return json({ files: lists.registry.filter((f) => f.sequence! > after).map(entry) });
    }
    if (url.pathname === '/fhir/tariffs/current' || url.pathname === '/fhir/medicines/current') {
      const list = lists[url.pathname.includes('tariffs') ? 'tariffs' : 'medicines'];
      return json({ files: list.slice(-1).map(entry) });
    }
    const name = url.pathname.replace(/^\/fhir\/files\//, '');
    if (name.endsWith('.sig') && files.has(name.slice(0, -4))) return res.writeHead(200).end(files.get(name.slice(0, -4))!.signature);
    const file = files.get(name);
    if (!file) return res.writeHead(404).end();
    const range = self.ignoreRange ? null : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start >= file.bytes.length) return res.writeHead(416, { 'content-range': `bytes */${file.bytes.length}` }).end();
    const body = file.bytes.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': String(body.length),
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${file.bytes.length - 1}/${file.bytes.length}` } : {}),
    });
    const cut = self.cutAfter.get(name);
    if (cut !== undefined) {
      self.cutAfter.delete(name);
      // The connection is reset once the client holds the bytes sent: a reset sooner can also discard
      // bytes the client has not read yet (a busy machine), which makes the resumption untestable.
      const received = () => self.clientFolder === null || sizeOf(join(self.clientFolder, `${name}.part`)) >= cut;
      const resetWhenReceived = (tries: number) =>
        received() || tries >= 500 ? res.socket?.destroy() : setTimeout(() => resetWhenReceived(tries + 1), 10);
      res.write(body.subarray(0, cut), () => resetWhenReceived(0));
      return;
    }
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const self: AnamListsServer = {
    url: '',
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64'),
    requests: [],
    cutAfter: new Map(),
    clientFolder: null,
    ignoreRange: false,
    announcedSha256: new Map(),
    publish(list, name, content, opts = {}) {
      const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
      const signature = sign(null, bytes, opts.signedBy ?? privateKey).toString('base64');
      const published: Published = { ...(opts.sequence !== undefined ? { sequence: opts.sequence } : {}), name, bytes, signature };
      lists[list].push(published);
      files.set(name, published);
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  return self;
}
