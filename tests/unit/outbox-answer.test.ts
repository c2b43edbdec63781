import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../electron/core/outbox/answer';
import { backoffMs, retryAfterMs } from '../../electron/core/outbox/backoff';
import { claimResponseFor, IDEMPOTENCY_SYSTEM } from '../support/anam-receiver';

const KEY = 'a1b2c3';
const BUSINESS = 'https://ramed.anam.ml/fhir/sid/reclamation';
const EPISODE = 'https://ramed.anam.ml/fhir/sid/episode';
const claim = {
  identifier: [],
  item: [
    { sequence: 1, net: { value: 500 } },
    { sequence: 2, net: { value: 1500 } },
  ],
};
const sent = {
  id: KEY,
  identifiers: [
    { system: BUSINESS, value: 'CSCOM-01-2026-11-v1-E-7' },
    { system: IDEMPOTENCY_SYSTEM, value: KEY },
    { system: EPISODE, value: 'E-7' },
  ],
  remoteId: null,
};
const decided = claimResponseFor(KEY, claim, true);
const { request: _named, ...unnamed } = decided;
const answer = (extra: object) => JSON.stringify({ ...unnamed, ...extra });
const response = JSON.stringify(decided);
const transaction = (entry: object) => JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [entry] });
const ok = (status: number, text: string, location: string | null = null) => ({ status, text, location });

describe('reading an answer of the ANAM', () => {
  it.each([
    ['the idempotency key', ok(200, response), 'bundle', 'delivered'],
    ['a transaction-response holding the ClaimResponse', ok(201, transaction({ resource: decided })), 'bundle', 'delivered'],
    [
      'the business identifier',
      ok(200, answer({ request: { identifier: { system: BUSINESS, value: 'CSCOM-01-2026-11-v1-E-7' } } })),
      'bundle',
      'delivered',
    ],
    ['the episode identifier', ok(200, answer({ request: { identifier: { system: EPISODE, value: 'E-7' } } })), 'bundle', 'delivered'],
    ['identifiers copied from the Claim', ok(200, answer({ identifier: sent.identifiers })), 'bundle', 'delivered'],
    ['no request at all', ok(200, answer({})), 'bundle', 'delivered'],
    ['request.reference to our id', ok(200, answer({ request: { reference: `Claim/${KEY}` } })), 'bundle', 'delivered'],
    [
      'request.reference to the id in response.location',
      ok(
        200,
        transaction({
          resource: { ...unnamed, request: { reference: 'Claim/981' } },
          response: { status: '201 Created', location: 'Claim/981/_history/1' },
        }),
      ),
      'bundle',
      'delivered',
    ],
    [
      'request.reference learnt (openIMIS)',
      ok(201, answer({ request: { reference: 'Claim/9f1c', type: 'Claim', identifier: { value: '9f1c' } } })),
      'claim',
      'delivered',
    ],
    [
      'a transaction-response without ClaimResponse',
      ok(200, transaction({ response: { status: '201 Created', location: 'Claim/981/_history/1' } })),
      'bundle',
      'accepted',
    ],
    [
      'a queued ClaimResponse (openIMIS)',
      ok(201, JSON.stringify({ resourceType: 'ClaimResponse', status: 'active', outcome: 'queued', request: { reference: 'Claim/9f1c' } })),
      'claim',
      'accepted',
    ],
    [
      'a created Claim (claim mode)',
      ok(201, JSON.stringify({ resourceType: 'Claim', id: '77' }), 'http://anam/fhir/Claim/77/_history/1'),
      'claim',
      'accepted',
    ],
    ['an empty 201 (claim mode)', ok(201, '', 'Claim/77'), 'claim', 'accepted'],
    ['an empty 200 (bundle mode)', ok(200, ''), 'bundle', 'failed'],
    ['409', ok(409, ''), 'bundle', 'duplicate'],
    [
      'an OperationOutcome duplicate',
      ok(200, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'duplicate' }] })),
      'bundle',
      'duplicate',
    ],
    ['a transaction entry 409', ok(200, transaction({ response: { status: '409 Conflict' } })), 'bundle', 'duplicate'],
    ['a transaction entry 400', ok(200, transaction({ response: { status: '400 Bad Request' } })), 'bundle', 'failed'],
    ['a truncated body', ok(200, '{"resourceType": "ClaimRes'), 'bundle', 'failed'],
    ['another key', ok(200, JSON.stringify(claimResponseFor('autre', claim, false))), 'bundle', 'failed'],
    [
      'another business identifier',
      ok(200, answer({ request: { identifier: { system: BUSINESS, value: 'CSCOM-01-2026-11-v1-E-8' } } })),
      'bundle',
      'failed',
    ],
    [
      'a reference other than response.location',
      ok(
        200,
        transaction({
          resource: { ...unnamed, request: { reference: 'Claim/982' } },
          response: { status: '201 Created', location: 'Claim/981' },
        }),
      ),
      'bundle',
      'failed',
    ],
    ['a reference to a Patient', ok(200, answer({ request: { reference: 'Patient/3' } })), 'bundle', 'failed'],
    ['HTTP 500', ok(500, '<html>'), 'bundle', 'failed'],
    [
      'HTTP 401',
      ok(401, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'login', diagnostics: 'Jeton invalide' }] })),
      'claim',
      'failed',
    ],
  ] as const)('%s → %s', (_, exchange, mode, kind) => {
    expect(readAnswer(exchange, sent, mode).kind).toBe(kind);
  });

  it('keeps the id the server gave the Claim', () => {
    expect(
      readAnswer(
        ok(200, transaction({ response: { status: '201 Created', location: 'https://anam/fhir/Claim/981/_history/1' } })),
        sent,
        'bundle',
      ),
    ).toEqual({
      kind: 'accepted',
      remoteId: '981',
    });
    expect(readAnswer(ok(201, answer({ request: { reference: 'Claim/9f1c' } })), sent, 'claim')).toMatchObject({
      kind: 'delivered',
      remoteId: '9f1c',
    });
  });

  it('explains a failure in French', () => {
    expect(
      readAnswer(ok(401, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Jeton invalide' }] })), sent, 'bundle'),
    ).toEqual({
      kind: 'failed',
      error: 'L’ANAM a répondu HTTP 401 : Jeton invalide.',
    });
    expect(readAnswer(ok(200, JSON.stringify({ ...decided, outcome: 'inconnu' })), sent, 'bundle')).toMatchObject({
      error: expect.stringMatching(/^Réponse de l’ANAM non conforme : .*outcome/),
    });
    expect(readAnswer(ok(200, JSON.stringify(claimResponseFor('autre', claim, false))), sent, 'bundle')).toEqual({
      kind: 'failed',
      error: `Réponse de l’ANAM pour une autre réclamation (${IDEMPOTENCY_SYSTEM}|autre).`,
    });
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const policy = { baseMs: 1000, capMs: 10_000 };
    expect([1, 2, 3, 4, 5, 20].map((n) => backoffMs(n, () => 0.999999, policy))).toEqual([999, 1999, 3999, 7999, 9999, 9999]);
    expect(backoffMs(3, () => 0, policy)).toBe(0);
    expect(backoffMs(3, () => 0.5, policy)).toBe(2000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-12-01T10:00:00.000Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('bientôt', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
