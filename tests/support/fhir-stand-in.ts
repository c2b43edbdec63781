import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { IDEMPOTENCY_SYSTEM } from './anam-receiver';

/**
 * Two stand-ins for the ANAM's claims server, on 127.0.0.1 only (docs/anam-link.md names them):
 *
 * - `openimis` imitates openIMIS's FHIR R4 module (openimis-be-api_fhir_r4_py): `POST /Claim`
 *   answers 201 with the ClaimResponse its ClaimResponseConverter builds from the entered claim
 *   (views/fhir/claim.py, serializers/claimSerializer.py `create` → `create_claim_response`): `id`
 *   its own UUID, the Claim's identifiers copied (`ClaimConverter.build_fhir_identifiers`),
 *   `request` a reference `Claim/<uuid>` with an identifier of type UUID and no system
 *   (referenceConverterMixin.py), `outcome: queued` for a just-entered claim (mapping/claimMapping.py);
 *   errors as OperationOutcome. It has no transaction endpoint.
 * - `hapi` imitates a generic FHIR server (HAPI style): `POST /Bundle` (transaction) answers a
 *   `transaction-response` whose entry has `response.status` and `response.location`
 *   (`Claim/<n>/_history/1`), without resource unless `inline` asks for a ClaimResponse;
 *   `POST /Claim` answers 201 with a `Location` header and the created Claim. A conditional
 *   create (`ifNoneExist` / `If-None-Exist`) of a Claim already held answers `200 OK` with it.
 *
 * Both answer `GET /ClaimResponse?request=Claim/<id>` (or `?request:identifier=<system>|<value>`,
 * FHIR's modifier on a reference parameter) with a searchset Bundle holding the decision
 * once the test has made it (`decide`). Faults are planned per idempotency key and attempt.
 */
export type Flavour = 'openimis' | 'hapi';

export type StandInFault = 'none' | 'http500' | 'http503' | 'drop' | 'dropAfterStore' | 'delay' | 'malformed';

/** How the synchronous ClaimResponse (`inline`) names its Claim. */
export type AnswerForm = 'key' | 'business' | 'reference' | 'identifiers' | 'none' | 'wrong';

interface FhirClaim {
  id: string;
  identifier: Array<{ system: string; value: string }>;
  item: Array<{ sequence: number; net: { value: number } }>;
}

interface Held {
  remoteId: string;
  key: string;
  claim: FhirClaim;
  decision: object | null;
}

export interface FhirStandIn {
  url: string;
  /** Claims held, by the server's id; each key at most once. */
  held: Map<string, Held>;
  /** Claims taken in, by key, in order (a second POST of a key is not taken in again). */
  accepted: string[];
  /** POSTs per key, faults included. */
  posts: Map<string, number>;
  /** `GET /ClaimResponse` requests received, with their `request` parameter. */
  polls: string[];
  plan: (key: string, attempt: number) => StandInFault;
  /** `hapi` only: the ClaimResponse put in the transaction-response entry (null: none). */
  inline: AnswerForm | null;
  /** `openimis` only: answer with the decision at once instead of `queued`. */
  decideAtOnce: boolean;
  delayMs: number;
  /** The ANAM decides a held Claim: every item paid, or its last item denied. */
  decide(key: string, partial?: boolean): void;
  close(): Promise<void>;
}

const outcome = (diagnostics: string, code = 'processing', severity = 'error') => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity, code, diagnostics }],
});

function adjudicated(claim: FhirClaim, partial: boolean) {
  return claim.item.map((item, i) => {
    const denied = partial && i === claim.item.length - 1;
    return {
      itemSequence: item.sequence,
      adjudication: denied
        ? [{ category: { coding: [{ code: 'denied' }] }, reason: { coding: [{ code: 'NOT_IN_TARIFF' }], text: 'Acte hors nomenclature' } }]
        : [{ category: { coding: [{ code: 'benefit' }] }, amount: { value: item.net.value, currency: 'XOF' } }],
    };
  });
}

/** openIMIS's ClaimResponse: its UUID as id, the Claim's identifiers, `request` a reference to `Claim/<uuid>`. */
function openImisResponse(held: Held, decided: boolean, partial = false) {
  const uuid = {
    type: { coding: [{ system: 'https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers', code: 'UUID' }] },
  };
  return {
    resourceType: 'ClaimResponse',
    id: held.remoteId,
    identifier: [{ ...uuid, value: held.remoteId }, ...held.claim.identifier],
    status: 'active',
    outcome: decided ? (partial ? 'partial' : 'complete') : 'queued',
    use: 'claim',
    created: '2026-12-01',
    insurer: { reference: 'openIMIS' },
    request: { reference: `Claim/${held.remoteId}`, type: 'Claim', identifier: { ...uuid, value: held.remoteId } },
    ...(decided ? { item: adjudicated(held.claim, partial) } : {}),
  };
}

/** The decision as a generic server keeps it: a ClaimResponse whose `request` references the Claim it holds. */
function hapiDecision(held: Held, partial: boolean) {
  return {
    resourceType: 'ClaimResponse',
    id: `cr-${held.remoteId}`,
    status: 'active',
    outcome: partial ? 'partial' : 'complete',
    request: { reference: `Claim/${held.remoteId}` },
    item: adjudicated(held.claim, partial),
  };
}

/** The ClaimResponse carried inline, naming its Claim in the chosen form. */
function inlineAnswer(held: Held, form: AnswerForm) {
  const { request: _request, ...decision } = hapiDecision(held, false);
  const business = held.claim.identifier[0]!;
  const naming: Record<AnswerForm, object> = {
    key: { request: { identifier: { system: IDEMPOTENCY_SYSTEM, value: held.key } } },
    business: { request: { identifier: business } },
    reference: { request: { reference: `Claim/${held.remoteId}` } },
    identifiers: { identifier: held.claim.identifier },
    none: {},
    wrong: { request: { identifier: { system: business.system, value: `${business.value}-AUTRE` } } },
  };
  return { ...decision, ...naming[form] };
}

export async function startFhirStandIn(options: { flavour: Flavour; token: string }): Promise<FhirStandIn> {
  const sockets = new Set<Socket>();
  let sequence = 980;
  const byKey = new Map<string, Held>();

  const standIn: FhirStandIn = {
    url: '',
    held: new Map(),
    accepted: [],
    posts: new Map(),
    polls: [],
    plan: () => 'none',
    inline: null,
    decideAtOnce: false,
    delayMs: 1500,
    decide(key, partial = false) {
      const held = byKey.get(key);
      if (!held) throw new Error(`Réclamation non reçue : ${key}`);
      held.decision = options.flavour === 'openimis' ? openImisResponse(held, true, partial) : hapiDecision(held, partial);
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
    res.end(JSON.stringify(body));
  };

  /** Holds the Claim once per key (the conditional create); `created` false when it was already held. */
  function hold(claim: FhirClaim, key: string): { held: Held; created: boolean } {
    const known = byKey.get(key);
    if (known) return { held: known, created: false };
    const remoteId = options.flavour === 'openimis' ? randomUUID() : String(++sequence);
    const held: Held = { remoteId, key, claim, decision: null };
    byKey.set(key, held);
    standIn.held.set(remoteId, held);
    standIn.accepted.push(key);
    return { held, created: true };
  }

  function answerPost(res: ServerResponse, path: string, claim: FhirClaim, key: string, fault: StandInFault): void {
    const { held, created } = hold(claim, key);
    if (fault === 'dropAfterStore') {
      res.socket?.destroy();
      return;
    }
    if (fault === 'malformed') {
      res.writeHead(options.flavour === 'openimis' ? 201 : 200, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType": "ClaimResponse", "outcome": ');
      return;
    }
    if (options.flavour === 'openimis') {
      // openIMIS refuses a second claim with the same code.
      if (!created) return json(res, 400, outcome(`Claim ${held.claim.identifier[0]!.value} already exists`, 'duplicate'));
      return json(res, 201, openImisResponse(held, standIn.decideAtOnce));
    }
    const location = `Claim/${held.remoteId}/_history/1`;
    if (path === '/fhir/Claim') {
      return json(res, created ? 201 : 200, { ...claim, id: held.remoteId }, { location: `${standIn.url}/${location}` });
    }
    const entry = {
      ...(standIn.inline ? { resource: inlineAnswer(held, standIn.inline) } : {}),
      response: { status: created ? '201 Created' : '200 OK', location, etag: 'W/"1"' },
    };
    json(res, 200, { resourceType: 'Bundle', type: 'transaction-response', entry: [entry] });
  }

  /** The Claim a POST carries (bare, or as the single entry of a transaction Bundle), or why it is refused. */
  function claimOf(path: string, raw: string, key: string): FhirClaim | string {
    try {
      const body = JSON.parse(raw) as {
        resourceType: string;
        type?: string;
        entry?: Array<{ resource: FhirClaim; request: { method: string } }>;
      };
      const claim = path === '/fhir/Claim' ? (body as unknown as FhirClaim) : body.entry![0]!.resource;
      if (path === '/fhir/Bundle' && (body.type !== 'transaction' || body.entry![0]!.request.method !== 'POST')) return 'Bundle invalide';
      if (path === '/fhir/Claim' && body.resourceType !== 'Claim') return 'Claim attendu';
      if (claim.identifier.find((i) => i.system === IDEMPOTENCY_SYSTEM)?.value !== key) return 'clé absente';
      return claim;
    } catch {
      return 'JSON invalide';
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (req.headers.authorization !== `Bearer ${options.token}`) return json(res, 401, outcome('Jeton invalide', 'login'));
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/fhir/ClaimResponse') {
      const request = url.searchParams.get('request');
      const byIdentifier = url.searchParams.get('request:identifier');
      standIn.polls.push(request ?? `identifier ${byIdentifier}`);
      const held = request
        ? standIn.held.get(request.replace(/^Claim\//, ''))
        : byKey.get((byIdentifier ?? '').replace(`${IDEMPOTENCY_SYSTEM}|`, ''));
      const entry = held?.decision ? [{ resource: held.decision }] : [];
      return json(res, 200, { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry });
    }
    const routes = options.flavour === 'openimis' ? ['/fhir/Claim'] : ['/fhir/Claim', '/fhir/Bundle'];
    if (req.method !== 'POST' || !routes.includes(url.pathname)) return json(res, 404, outcome('Ressource inconnue', 'not-found'));
    const key = String(req.headers['idempotency-key'] ?? '');
    const claim = claimOf(url.pathname, raw, key);
    if (typeof claim === 'string') return json(res, 400, outcome(claim, 'invalid'));
    const attempt = (standIn.posts.get(key) ?? 0) + 1;
    standIn.posts.set(key, attempt);
    const fault = standIn.plan(key, attempt);
    if (fault === 'http500') return json(res, 500, outcome('Internal server error', 'exception'));
    if (fault === 'http503') return json(res, 503, outcome('Maintenance'), { 'retry-after': '120' });
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, standIn.delayMs));
    answerPost(res, url.pathname, claim, key, fault);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => res.destroy()));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  return standIn;
}
