import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the receiver does with one request (chosen by the test's plan, per key and per try). */
export type Fault =
  | 'none'
  | 'delay'
  | 'http500'
  | 'http503'
  | 'drop'
  | 'twice'
  | 'malformed'
  | 'partial'
  /** Accepts and never answers (the sender is killed meanwhile). */
  | 'hang';

export const IDEMPOTENCY_SYSTEM = 'https://ramed.anam.ml/fhir/sid/cle-idempotence';

interface FhirClaim {
  identifier: Array<{ system: string; value: string }>;
  item: Array<{ sequence: number; net: { value: number } }>;
}

export interface AnamReceiver {
  url: string;
  /** Keys whose Claim the ANAM took in, in order, each once (a resend gets 409). */
  accepted: string[];
  /** Every request per key, faults included. */
  requests: Map<string, number>;
  /** Keys that arrived while a request with the same key was still being handled. */
  concurrent: string[];
  /** Requests refused as malformed (wrong token, header and body disagreeing): must stay empty. */
  refused: string[];
  plan: (key: string, attempt: number) => Fault;
  delayMs: number;
  onHang?: (key: string) => void;
  /** Stops listening (the sender then gets ECONNREFUSED) until `open()`. */
  refuseConnections(): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

const outcome = (diagnostics: string, code = 'processing') => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

/** The ClaimResponse the ANAM gives: every item paid as billed, or with the last item denied. */
export function claimResponseFor(key: string, claim: FhirClaim, partial: boolean) {
  return {
    resourceType: 'ClaimResponse',
    status: 'active',
    outcome: partial ? 'partial' : 'complete',
    request: { identifier: { system: IDEMPOTENCY_SYSTEM, value: key } },
    item: claim.item.map((item, i) => {
      const denied = partial && i === claim.item.length - 1;
      return {
        itemSequence: item.sequence,
        adjudication: denied
          ? [
              {
                category: { coding: [{ code: 'denied' }] },
                reason: { coding: [{ code: 'NOT_IN_TARIFF' }], text: 'Acte hors nomenclature' },
              },
            ]
          : [{ category: { coding: [{ code: 'benefit' }] }, amount: { value: item.net.value, currency: 'XOF' } }],
      };
    }),
  };
}

/** A small ANAM on 127.0.0.1 only, with fault injection. */
export async function startAnamReceiver(options: { token: string; plan?: AnamReceiver['plan']; delayMs?: number }): Promise<AnamReceiver> {
  const inFlight = new Set<string>();
  const sockets = new Set<Socket>();
  let port = 0;

  const receiver: AnamReceiver = {
    url: '',
    accepted: [],
    requests: new Map(),
    concurrent: [],
    refused: [],
    plan: options.plan ?? (() => 'none'),
    delayMs: options.delayMs ?? 1500,
    refuseConnections: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    open: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse, key: string, raw: string): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/fhir/Bundle') return json(res, 404, outcome('Ressource inconnue', 'not-found'));
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      receiver.refused.push(`jeton:${key}`);
      return json(res, 401, outcome('Jeton invalide', 'login'));
    }
    let claim: FhirClaim;
    try {
      const bundle = JSON.parse(raw) as { type: string; entry: Array<{ resource: FhirClaim; request: { method: string } }> };
      claim = bundle.entry[0]!.resource;
      const inBody = claim.identifier.find((i) => i.system === IDEMPOTENCY_SYSTEM)?.value;
      if (bundle.type !== 'transaction' || bundle.entry[0]!.request.method !== 'POST' || inBody !== key) throw new Error('clé');
    } catch {
      receiver.refused.push(`corps:${key}`);
      return json(res, 400, outcome('Bundle invalide', 'invalid'));
    }
    const attempt = (receiver.requests.get(key) ?? 0) + 1;
    receiver.requests.set(key, attempt);
    const fault = receiver.plan(key, attempt);
    if (fault === 'http500') return json(res, 500, outcome('Erreur interne du serveur'));
    if (fault === 'http503') return json(res, 503, outcome('Maintenance'), { 'retry-after': '120' });
    if (receiver.accepted.includes(key)) return json(res, 409, outcome('Réclamation déjà reçue', 'duplicate'));
    receiver.accepted.push(key);
    const answer = claimResponseFor(key, claim, fault === 'partial');
    if (fault === 'hang') {
      receiver.onHang?.(key);
      return new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    }
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, receiver.delayMs));
    if (fault === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType": "ClaimResponse", "outcome": ');
      return;
    }
    json(res, 200, answer);
    if (fault === 'twice') {
      const again = JSON.stringify(answer);
      req.socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/fhir+json\r\ncontent-length: ${Buffer.byteLength(again)}\r\n\r\n${again}`,
      );
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (inFlight.has(key)) receiver.concurrent.push(key);
      inFlight.add(key);
      // A send is over when the sender has its answer or has hung up (a timeout closes its connection).
      res.once('close', () => inFlight.delete(key));
      handle(req, res, key, Buffer.concat(chunks).toString('utf8')).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${port}/fhir`;
  return receiver;
}
