import { describe, expect, it } from 'vitest';
import { claimBundle, FHIR_SYSTEMS } from '../../electron/core/claims/export/fhir';
import { composeClaim } from '../../shared/rules/claim-document';
import type { ClaimEpisodeInput, ClaimLine } from '../../shared/domain/claims';
import { r4BundleErrors } from '../support/fhir-r4';

const line = (key: string, over: Partial<ClaimLine>): ClaimLine => ({
  key,
  source: 'prestation',
  episodeId: 1,
  kind: 'acte',
  code: 'CS-CUR',
  label: 'Consultation curative',
  category: 'consultation',
  performedOn: '2026-11-10',
  quantity: 1,
  unitPrice: 500,
  amount: 500,
  payer: 'ramed',
  ...over,
});
const episode = (id: number, lines: ClaimLine[]): ClaimEpisodeInput => ({
  episodeId: id,
  number: `EP-2026-00000${id}`,
  personId: id,
  recepisse: `111100000000${id}`,
  patientName: 'TRAORÉ Awa',
  sex: 'F',
  birthDate: '1990-03-12',
  type: 'hospitalisation',
  emergency: false,
  referralFrom: null,
  identityDocument: 'cni_nina',
  identityMatches: true,
  openedOn: '2026-11-10',
  endedOn: '2026-11-12',
  eligibility: { eligible: true, reasons: [] },
  lines,
});

const doc = composeClaim({
  month: '2026-11',
  version: 2,
  previousSha256: 'a'.repeat(64),
  facility: { code: 'CSCOM-SEB', name: 'CSCOM de Sébénikoro', level: 'cscom' },
  episodes: [
    {
      ...episode(1, [
        line('prestation:1', { prescriber: 'Dr Sidibé' }),
        line('prestation:9', { code: 'HO-OBS', label: 'Mise en observation', prescriber: 'Infirmier Dembélé', quantity: 2, amount: 1000 }),
        line('prestation:2', {
          kind: 'medicament',
          code: 'AMOX500',
          label: 'Amoxicilline 500 mg gélule',
          category: 'medicaments',
          quantity: 21,
          unitPrice: 25,
          amount: 525,
        }),
        line('prestation:3', { code: 'MA-CES', label: 'Césarienne', payer: 'programme_cesarienne', amount: 75000, unitPrice: 75000 }),
        line('prestation:4', { code: 'LB-GE', label: 'Goutte épaisse' }),
      ]),
      clinical: {
        diagnosis: 'Paludisme grave',
        icd10: 'B50.9',
        outcome: 'gueri',
        referralFrom: 'CSCOM de Djélibougou',
        referralRef: 'REF-2026-114',
        enterer: 'aminata',
      },
    },
    episode(2, [line('prestation:5', { episodeId: 2 })]),
  ],
  flags: [],
  exclusions: [
    { id: 1, episodeId: 1, lineKey: 'prestation:4', reason: 'Non réalisé', at: 'x', by: 'g' },
    { id: 2, episodeId: 2, lineKey: null, reason: 'Doublon', at: 'x', by: 'g' },
  ],
});
const SHA = 'b'.repeat(64);

describe('FHIR R4 export of a signed claim', () => {
  const bundle = claimBundle(doc, SHA, '2026-12-02T10:15:00.000Z');

  it('is valid FHIR R4 for the official definitions (Bundle and every Claim)', () => {
    expect(r4BundleErrors(bundle as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('carries what a médecin conseil judges: diagnosis (ICD-10, principal), referral, care team, enterer, the stay', () => {
    const claim = bundle.entry[0]!.resource as unknown as Record<string, unknown>;
    expect(claim).toMatchObject({
      diagnosis: [
        {
          sequence: 1,
          diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'B50.9' }], text: 'Paludisme grave' },
          type: [{ coding: [{ code: 'principal' }] }],
        },
      ],
      referral: { identifier: { value: 'REF-2026-114' }, display: 'Référé par CSCOM de Djélibougou' },
      enterer: { display: 'aminata' },
      careTeam: [
        { sequence: 1, provider: { display: 'Dr Sidibé' }, responsible: true },
        { sequence: 2, provider: { display: 'Infirmier Dembélé' }, responsible: false },
      ],
      supportingInfo: [
        { sequence: 1, category: { coding: [{ code: 'info' }] }, code: { coding: [{ code: 'hospitalisation' }] } },
        { sequence: 2, category: { coding: [{ code: 'hospitalized' }] }, timingPeriod: { start: '2026-11-10', end: '2026-11-12' } },
        { sequence: 3, category: { coding: [{ code: 'discharge' }] }, code: { coding: [{ code: 'gueri' }] }, timingDate: '2026-11-12' },
      ],
    });
    const items = claim.item as Array<{
      productOrService: { coding: Array<{ code: string }> };
      careTeamSequence?: number[];
      diagnosisSequence?: number[];
    }>;
    expect(items.map((i) => [i.productOrService.coding[0]!.code, i.careTeamSequence, i.diagnosisSequence])).toEqual([
      ['CS-CUR', [1], [1]],
      ['HO-OBS', [2], [1]],
      ['AMOX500', undefined, [1]],
    ]);
  });

  it('names the patient by récépissé, the provider, acts and DCI with XOF prices, and leaves out what is not billed', () => {
    expect(bundle.entry).toHaveLength(1);
    const claim = bundle.entry[0]!.resource;
    expect(claim.patient.identifier).toEqual({ system: FHIR_SYSTEMS.recepisse, value: '1111000000001' });
    expect(claim.provider.identifier.value).toBe('CSCOM-SEB');
    expect(claim.type.coding[0]!.code).toBe('institutional');
    expect(
      claim.item.map((i) => [
        i.productOrService.coding[0]!.system,
        i.productOrService.coding[0]!.code,
        i.quantity.value,
        i.unitPrice.value,
      ]),
    ).toEqual([
      [FHIR_SYSTEMS.act, 'CS-CUR', 1, 500],
      [FHIR_SYSTEMS.act, 'HO-OBS', 2, 500],
      [FHIR_SYSTEMS.medicine, 'AMOX500', 21, 25],
    ]);
    expect(claim.total).toEqual({ value: 2025, currency: 'XOF' });
    expect(claim.identifier.map((i) => i.value)).toEqual(['CSCOM-SEB-2026-11-v2-EP-2026-000001', claim.id, 'EP-2026-000001']);
  });

  it('keeps the same idempotency key for the same signed version, and a new one for a new version', () => {
    const again = claimBundle(doc, SHA, '2026-12-03T08:00:00.000Z');
    expect(again.entry[0]!.resource.id).toBe(bundle.entry[0]!.resource.id);
    expect(claimBundle(doc, 'c'.repeat(64), '2026-12-03T08:00:00.000Z').entry[0]!.resource.id).not.toBe(bundle.entry[0]!.resource.id);
  });

  it('the validator catches a broken Claim: required elements missing, a value of the wrong type', () => {
    const broken = {
      ...bundle,
      entry: [{ fullUrl: 'urn:uuid:x', resource: { resourceType: 'Claim', use: 'claim', total: { value: '1025', currency: 'XOF' } } }],
    };
    expect(r4BundleErrors(broken)).toEqual(
      expect.arrayContaining([
        'entry[0] Claim.status: Missing required property',
        'entry[0] Claim.patient: Missing required property',
        'entry[0] Claim.insurance: Missing required property',
        'entry[0] Claim.total.value: Invalid JSON type: expected number, but got string',
        'Bundle Bundle.entry[0].resource.provider: Missing required property',
      ]),
    );
  });
});
