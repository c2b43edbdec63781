import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../electron/core/outbox/answer';
import { backoffMs, retryAfterMs } from '../../electron/core/outbox/backoff';
import { claimResponseFor } from '../support/anam-receiver';

const KEY = 'a1b2c3';
const claim = {
  identifier: [],
  item: [
    { sequence: 1, net: { value: 500 } },
    { sequence: 2, net: { value: 1500 } },
  ],
};
const response = JSON.stringify(claimResponseFor(KEY, claim, true));

describe('reading an answer of the ANAM', () => {
  it.each([
    [200, response, 'delivered'],
    [
      201,
      JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [{ resource: JSON.parse(response) }] }),
      'delivered',
    ],
    [409, '', 'duplicate'],
    [200, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'duplicate' }] }), 'duplicate'],
    [200, '{"resourceType": "ClaimRes', 'failed'],
    [200, JSON.stringify({ ...JSON.parse(response), outcome: 'queued' }), 'failed'],
    [200, JSON.stringify(claimResponseFor('autre', claim, false)), 'failed'],
    [500, '<html>', 'failed'],
    [401, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'login', diagnostics: 'Jeton invalide' }] }), 'failed'],
  ])('HTTP %i %s → %s', (status, body, kind) => {
    expect(readAnswer(status, body, KEY).kind).toBe(kind);
  });

  it('explains a failure in French', () => {
    expect(readAnswer(401, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Jeton invalide' }] }), KEY)).toEqual({
      kind: 'failed',
      error: 'L’ANAM a répondu HTTP 401 : Jeton invalide.',
    });
    expect(readAnswer(200, JSON.stringify({ ...JSON.parse(response), outcome: 'queued' }), KEY)).toMatchObject({
      error: expect.stringMatching(/^Réponse de l’ANAM non conforme : .*outcome/),
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
