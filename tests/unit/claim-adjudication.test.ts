import { describe, expect, it } from 'vitest';
import { adjudicate, claimStatusOf, outstandingOf, responseTotals } from '../../shared/rules/claim-adjudication';
import { claimResponseSchema, parseResponseFile, type ClaimResponseResource } from '../../shared/rules/claim-response';
import type { ClaimedItem } from '../../shared/domain/claim-responses';

const ITEMS: ClaimedItem[] = [
  { sequence: 1, lineKey: 'prestation:11', amount: 1500 },
  { sequence: 2, lineKey: 'dispensation:7', amount: 2000 },
];

const benefit = (value: number) => ({ category: { coding: [{ code: 'benefit' }] }, amount: { value, currency: 'XOF' } });
const submitted = (value: number) => ({ category: { coding: [{ code: 'submitted' }] }, amount: { value, currency: 'XOF' } });
const denied = (code?: string, text?: string) => ({
  category: { coding: [{ code: 'denied' }] },
  ...(code ? { reason: { coding: [{ code, display: 'Motif ANAM' }], ...(text ? { text } : {}) } } : {}),
});
const reason = (code: string, text: string) => ({ reason: { coding: [{ code }], text } });

function response(items: Array<{ itemSequence: number; adjudication: unknown[] }>): ClaimResponseResource {
  return claimResponseSchema.parse({
    resourceType: 'ClaimResponse',
    status: 'active',
    outcome: 'complete',
    request: { identifier: { system: 'https://ramed.anam.ml/fhir/sid/cle-idempotence', value: 'k' } },
    item: items,
  });
}

describe('reading the ANAM’s answer line by line', () => {
  it.each([
    [
      'both accepted in full',
      [
        { itemSequence: 1, adjudication: [submitted(1500), benefit(1500)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      [
        ['acceptee', 1500, null, null],
        ['acceptee', 2000, null, null],
      ],
    ],
    [
      'one rejected with its reason, the text given',
      [
        { itemSequence: 1, adjudication: [benefit(1500)] },
        { itemSequence: 2, adjudication: [denied('NOT_IN_TARIFF', 'Hors nomenclature')] },
      ],
      [
        ['acceptee', 1500, null, null],
        ['rejetee', 0, 'NOT_IN_TARIFF', 'Hors nomenclature'],
      ],
    ],
    [
      'a reason without text takes the coding’s display',
      [
        { itemSequence: 1, adjudication: [denied('DUPLICATE_ACT')] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      [
        ['rejetee', 0, 'DUPLICATE_ACT', 'Motif ANAM'],
        ['acceptee', 2000, null, null],
      ],
    ],
    [
      'an adjusted amount, with its reason',
      [
        { itemSequence: 1, adjudication: [{ ...benefit(1000), ...reason('TARIF', 'Tarif de niveau 1') }] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      [
        ['ajustee', 1000, 'TARIF', 'Tarif de niveau 1'],
        ['acceptee', 2000, null, null],
      ],
    ],
    [
      'a benefit of 0 with a reason is a rejection',
      [
        { itemSequence: 1, adjudication: [{ ...benefit(0), ...reason('EXCLU', 'Soin exclu') }] },
        { itemSequence: 2, adjudication: [denied('EXCLU'), benefit(0)] },
      ],
      [
        ['rejetee', 0, 'EXCLU', 'Soin exclu'],
        ['rejetee', 0, 'EXCLU', 'Motif ANAM'],
      ],
    ],
  ])('%s', (_name, items, expected) => {
    const result = adjudicate(ITEMS, response(items));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.decisions.map((d) => [d.status, d.accepted, d.reasonCode, d.reasonText])).toEqual(expected);
    expect(result.decisions.map((d) => [d.sequence, d.lineKey, d.claimed])).toEqual(ITEMS.map((i) => [i.sequence, i.lineKey, i.amount]));
  });

  it.each([
    ['a line left undecided', [{ itemSequence: 1, adjudication: [benefit(1500)] }], 'ligne 2 sans décision'],
    [
      'a line the Claim does not have',
      [
        { itemSequence: 1, adjudication: [benefit(1500)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
        { itemSequence: 3, adjudication: [benefit(10)] },
      ],
      'ligne 3 inconnue de la réclamation envoyée',
    ],
    [
      'the same line twice',
      [
        { itemSequence: 1, adjudication: [benefit(1500)] },
        { itemSequence: 1, adjudication: [benefit(1500)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 décidée deux fois',
    ],
    [
      'more accepted than claimed',
      [
        { itemSequence: 1, adjudication: [benefit(1600)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 : montant accepté 1 600 FCFA supérieur aux 1 500 FCFA réclamés',
    ],
    [
      'a rejection without a reason',
      [
        { itemSequence: 1, adjudication: [denied()] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 : rejet sans motif',
    ],
    [
      'rejected and accepted at once',
      [
        { itemSequence: 1, adjudication: [denied('X'), benefit(1500)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 : à la fois rejetée et acceptée',
    ],
    [
      'neither accepted nor rejected',
      [
        { itemSequence: 1, adjudication: [submitted(1500)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 : ni acceptée ni rejetée',
    ],
    [
      'an amount submitted that is not the one sent',
      [
        { itemSequence: 1, adjudication: [submitted(1400), benefit(1400)] },
        { itemSequence: 2, adjudication: [benefit(2000)] },
      ],
      'ligne 1 : montant soumis 1 400 FCFA au lieu de 1 500 FCFA réclamés',
    ],
  ])('refuses %s', (_name, items, error) => {
    expect(adjudicate(ITEMS, response(items))).toEqual({ ok: false, errors: [error] });
  });
});

describe('totals and status of a version', () => {
  const t = (claimed: number, decisions: Array<[number, number]>) =>
    responseTotals(
      claimed,
      decisions.map(([c, a]) => ({ claimed: c, accepted: a })),
    );
  it.each([
    ['nothing answered, not all sent', false, t(3500, []), 0, 'signee', { answered: 0, accepted: 0, rejected: 0 }],
    ['nothing answered, all sent', true, t(3500, []), 0, 'envoyee', { answered: 0, accepted: 0, rejected: 0 }],
    ['half answered', true, t(3500, [[1500, 1500]]), 0, 'envoyee', { answered: 1500, accepted: 1500, rejected: 0 }],
    [
      'all accepted',
      true,
      t(3500, [
        [1500, 1500],
        [2000, 2000],
      ]),
      0,
      'acceptee',
      { answered: 3500, accepted: 3500, rejected: 0 },
    ],
    [
      'one adjusted',
      true,
      t(3500, [
        [1500, 1000],
        [2000, 2000],
      ]),
      0,
      'partiellement_rejetee',
      { accepted: 3000, rejected: 500 },
    ],
    [
      'one rejected',
      true,
      t(3500, [
        [1500, 0],
        [2000, 2000],
      ]),
      0,
      'partiellement_rejetee',
      { accepted: 2000, rejected: 1500 },
    ],
    [
      'all rejected',
      true,
      t(3500, [
        [1500, 0],
        [2000, 0],
      ]),
      0,
      'rejetee',
      { accepted: 0, rejected: 3500 },
    ],
    [
      'partly paid',
      true,
      t(3500, [
        [1500, 0],
        [2000, 2000],
      ]),
      1000,
      'partiellement_rejetee',
      { accepted: 2000 },
    ],
    [
      'paid what was accepted',
      true,
      t(3500, [
        [1500, 0],
        [2000, 2000],
      ]),
      2000,
      'payee',
      { accepted: 2000 },
    ],
    [
      'answered by file, not yet marked sent',
      false,
      t(3500, [
        [1500, 1500],
        [2000, 2000],
      ]),
      0,
      'acceptee',
      { accepted: 3500 },
    ],
  ] as const)('%s', (_name, allDelivered, totals, paid, status, expected) => {
    expect(totals).toMatchObject(expected);
    expect(claimStatusOf({ allDelivered, totals, paid })).toBe(status);
  });

  it('leaves to pay what was claimed less what was rejected and paid', () => {
    expect(outstandingOf(t(3500, [[1500, 0]]), 500)).toBe(1500);
    expect(
      outstandingOf(
        t(3500, [
          [1500, 1000],
          [2000, 2000],
        ]),
        3000,
      ),
    ).toBe(0);
  });
});

describe('a response file', () => {
  const one = {
    resourceType: 'ClaimResponse',
    status: 'active',
    outcome: 'complete',
    request: { identifier: { system: 's', value: 'k1' } },
    item: [{ itemSequence: 1, adjudication: [benefit(1500)] }],
  };
  it.each([
    ['one ClaimResponse', JSON.stringify(one), 1],
    [
      'a Bundle of them, with a BOM',
      `\uFEFF${JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: one }, { resource: one }] })}`,
      2,
    ],
  ])('reads %s', (_name, text, count) => {
    const parsed = parseResponseFile(text);
    expect(parsed.ok && parsed.responses.length).toBe(count);
  });

  it.each([
    ['broken JSON', '{"resourceType": "Claim', 'le fichier n’est pas du JSON valide (fichier tronqué ou autre format ?)'],
    ['another resource', JSON.stringify({ resourceType: 'Claim' }), 'ressource attendue : ClaimResponse, ou un Bundle de ClaimResponse'],
    ['an empty Bundle', JSON.stringify({ resourceType: 'Bundle', entry: [] }), 'le fichier ne contient aucune réponse'],
    [
      'an error of the ANAM',
      JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Lot illisible' }] }),
      'le fichier est un message d’erreur de l’ANAM (OperationOutcome : Lot illisible), pas une réponse',
    ],
    [
      'a second response with an empty key',
      JSON.stringify({
        resourceType: 'Bundle',
        entry: [{ resource: one }, { resource: { ...one, request: { identifier: { system: 's', value: '' } } } }],
      }),
      expect.stringMatching(/^réponse n° 2 \(request\.identifier\.value\) : /),
    ],
    [
      'an amount with decimals',
      JSON.stringify({ ...one, item: [{ itemSequence: 1, adjudication: [benefit(1500.5)] }] }),
      'réponse n° 1 (item.0.adjudication.0.amount.value) : Montant en FCFA entiers attendu',
    ],
  ])('refuses %s', (_name, text, error) => {
    expect(parseResponseFile(text)).toEqual({ ok: false, errors: [error] });
  });
});
