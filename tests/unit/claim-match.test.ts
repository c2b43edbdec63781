import { describe, expect, it } from 'vitest';
import { claimIdOfReference, matchAnswer, type AnswerNaming } from '../../electron/core/outbox/claim-match';

const KEY_SYSTEM = 'https://ramed.anam.ml/fhir/sid/cle-idempotence';
const BUSINESS = 'https://ramed.anam.ml/fhir/sid/reclamation';
const sent = {
  id: 'k1',
  identifiers: [
    { system: BUSINESS, value: 'CSCOM-01-2026-11-v1-E-7' },
    { system: KEY_SYSTEM, value: 'k1' },
  ],
  remoteId: null as string | null,
};

describe('which Claim an answer names', () => {
  it.each<[string, AnswerNaming, string | null, boolean, string]>([
    ['the key', { request: { identifier: { system: KEY_SYSTEM, value: 'k1' } } }, null, false, 'this'],
    ['another key', { request: { identifier: { system: KEY_SYSTEM, value: 'k2' } } }, null, false, 'other'],
    ['the business identifier', { request: { identifier: { system: BUSINESS, value: 'CSCOM-01-2026-11-v1-E-7' } } }, null, false, 'this'],
    ['an identifier of an unknown system', { request: { identifier: { system: 'urn:x', value: '1' } } }, null, false, 'this'],
    ['a value without system, unknown', { request: { identifier: { value: 'zz' } } }, null, false, 'this'],
    ['copied identifiers', { identifier: sent.identifiers }, null, false, 'this'],
    ['copied identifiers, one other', { identifier: [sent.identifiers[0]!, { system: KEY_SYSTEM, value: 'k9' }] }, null, false, 'other'],
    ['nothing', {}, null, false, 'this'],
    ['our id', { request: { reference: 'Claim/k1' } }, null, false, 'this'],
    ['the server id', { request: { reference: 'https://anam/fhir/Claim/55/_history/2' } }, '55', false, 'this'],
    ['another server id', { request: { reference: 'Claim/56' } }, '55', true, 'other'],
    ['an unknown server id, learnt', { request: { reference: 'Claim/56' } }, null, true, 'this'],
    ['an unknown server id, not learnt', { request: { reference: 'Claim/56' } }, null, false, 'this'],
    ['a Patient', { request: { reference: 'Patient/56' } }, null, true, 'other'],
    ['a contained reference', { request: { reference: '#c1' } }, null, true, 'this'],
    [
      'a reference and a contradicting identifier',
      { request: { reference: 'Claim/55', identifier: { system: KEY_SYSTEM, value: 'k2' } } },
      '55',
      false,
      'other',
    ],
  ])('%s', (_, answer, remoteId, learn, kind) => {
    expect(matchAnswer({ ...sent, remoteId }, answer, { learn }).kind).toBe(kind);
  });

  it('learns the server’s id only on the exchange that posted the Claim', () => {
    expect(matchAnswer(sent, { request: { reference: 'Claim/56' } }, { learn: true })).toEqual({
      kind: 'this',
      remoteId: '56',
      named: true,
    });
    expect(matchAnswer(sent, { request: { reference: 'Claim/56' } }, { learn: false })).toEqual({
      kind: 'this',
      remoteId: null,
      named: false,
    });
  });

  it.each([
    ['Claim/12', '12'],
    ['https://anam.ml/fhir/Claim/ab-12/_history/3', 'ab-12'],
    ['ClaimResponse/12', null],
    ['Claim/', null],
  ])('reads the Claim id of %s', (reference, id) => {
    expect(claimIdOfReference(reference)).toBe(id);
  });
});
