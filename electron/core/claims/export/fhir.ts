import { createHash } from 'node:crypto';
import type { ClaimDocument, ClaimDocumentEpisode } from '../../../../shared/domain/claims';
import { EPISODE_TYPE_LABELS } from '../../../../shared/domain/episodes';

/**
 * The signed claim as FHIR R4: a `collection` Bundle with one `Claim` per episode (as openIMIS
 * sends one Claim per visit). Identifier systems are documented in the README ("FHIR mapping").
 */
export const FHIR_SYSTEMS = {
  recepisse: 'https://ramed.anam.ml/fhir/sid/recepisse',
  facility: 'https://ramed.anam.ml/fhir/sid/etablissement',
  insurer: 'https://ramed.anam.ml/fhir/sid/organisme',
  claim: 'https://ramed.anam.ml/fhir/sid/reclamation',
  idempotency: 'https://ramed.anam.ml/fhir/sid/cle-idempotence',
  episode: 'https://ramed.anam.ml/fhir/sid/episode',
  act: 'https://ramed.anam.ml/fhir/CodeSystem/tarif-actes',
  medicine: 'https://ramed.anam.ml/fhir/CodeSystem/medicaments-dci',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  relatedClaim: 'http://terminology.hl7.org/CodeSystem/related-claim-relationship',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  careTeamRole: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
  informationCategory: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory',
  episodeType: 'https://ramed.anam.ml/fhir/CodeSystem/type-episode',
  outcome: 'https://ramed.anam.ml/fhir/CodeSystem/issue-episode',
} as const;

const money = (value: number) => ({ value, currency: 'XOF' });

/** A stable key for one episode of one signed version: resending it is recognised by the ANAM. */
export const idempotencyKey = (sha256: string, episodeNumber: string): string =>
  createHash('sha256').update(`${sha256}|${episodeNumber}`).digest('hex').slice(0, 32);

const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** The lines of an episode the RAMED is billed for, in the order of the Claim's items (sequence 1, 2…). */
export const billedLines = (episode: ClaimDocumentEpisode) => episode.lines.filter((l) => !l.excluded && l.payer === 'ramed');

const careTeamOf = (lines: ReturnType<typeof billedLines>) => [...new Set(lines.map((l) => l.prescriber).filter((p): p is string => !!p))];

/** A resubmitted episode's Claim points at the Claim it follows up (the original's key), as a `prior` claim. */
const relatedOf = (doc: ClaimDocument, episode: ClaimDocumentEpisode) =>
  doc.resubmits
    ? {
        related: [
          {
            claim: { identifier: { system: FHIR_SYSTEMS.idempotency, value: idempotencyKey(doc.resubmits.sha256, episode.number) } },
            relationship: { coding: [{ system: FHIR_SYSTEMS.relatedClaim, code: 'prior' }] },
          },
        ],
      }
    : {};

/** Diagnosis, referral, care team, enterer and the visit's nature: what a médecin conseil judges a Claim on. */
function clinicalOf(episode: ClaimDocumentEpisode, lines: ReturnType<typeof billedLines>) {
  const c = episode.clinical;
  const prescribers = careTeamOf(lines);
  const stay = episode.type === 'hospitalisation' || episode.type === 'maternite';
  const info: Array<Record<string, unknown>> = [
    {
      category: { coding: [{ system: FHIR_SYSTEMS.informationCategory, code: 'info' }] },
      code: { coding: [{ system: FHIR_SYSTEMS.episodeType, code: episode.type }], text: EPISODE_TYPE_LABELS[episode.type] },
    },
  ];
  if (stay) {
    info.push({
      category: { coding: [{ system: FHIR_SYSTEMS.informationCategory, code: 'hospitalized' }] },
      timingPeriod: { start: episode.openedOn, end: episode.endedOn },
    });
  }
  if (c?.outcome) {
    info.push({
      category: { coding: [{ system: FHIR_SYSTEMS.informationCategory, code: 'discharge' }] },
      code: { coding: [{ system: FHIR_SYSTEMS.outcome, code: c.outcome }] },
      timingDate: episode.endedOn,
    });
  }
  return {
    ...(c ? { enterer: { display: c.enterer } } : {}),
    ...(c?.referralFrom
      ? {
          referral: {
            ...(c.referralRef ? { identifier: { value: c.referralRef } } : {}),
            display: `Référé par ${c.referralFrom}`,
          },
        }
      : {}),
    ...(prescribers.length > 0
      ? {
          careTeam: prescribers.map((name, i) => ({
            sequence: i + 1,
            provider: { display: name },
            responsible: i === 0,
            role: { coding: [{ system: FHIR_SYSTEMS.careTeamRole, code: i === 0 ? 'primary' : 'assist' }] },
          })),
        }
      : {}),
    supportingInfo: info.map((entry, i) => ({ sequence: i + 1, ...entry })),
    ...(c?.diagnosis || c?.icd10
      ? {
          diagnosis: [
            {
              sequence: 1,
              diagnosisCodeableConcept: {
                ...(c.icd10 ? { coding: [{ system: FHIR_SYSTEMS.icd10, code: c.icd10 }] } : {}),
                ...(c.diagnosis ? { text: c.diagnosis } : {}),
              },
              type: [{ coding: [{ system: FHIR_SYSTEMS.diagnosisType, code: 'principal' }] }],
            },
          ],
        }
      : {}),
  };
}

function claimResource(doc: ClaimDocument, episode: ClaimDocumentEpisode, sha256: string, created: string) {
  const key = idempotencyKey(sha256, episode.number);
  const lines = billedLines(episode);
  const institutional = episode.type === 'hospitalisation' || episode.type === 'maternite';
  return {
    resourceType: 'Claim' as const,
    id: key,
    identifier: [
      { system: FHIR_SYSTEMS.claim, value: `${doc.facility.code}-${doc.month}-v${doc.version}-${episode.number}` },
      { system: FHIR_SYSTEMS.idempotency, value: key },
      { system: FHIR_SYSTEMS.episode, value: episode.number },
    ],
    status: 'active' as const,
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: institutional ? 'institutional' : 'professional' }] },
    use: 'claim' as const,
    patient: { identifier: { system: FHIR_SYSTEMS.recepisse, value: episode.recepisse }, display: episode.patientName },
    billablePeriod: { start: episode.openedOn, end: episode.endedOn },
    created,
    insurer: { identifier: { system: FHIR_SYSTEMS.insurer, value: 'ANAM' }, display: 'ANAM – RAMED' },
    provider: { identifier: { system: FHIR_SYSTEMS.facility, value: doc.facility.code }, display: doc.facility.name },
    priority: { coding: [{ system: FHIR_SYSTEMS.priority, code: episode.emergency || episode.type === 'urgence' ? 'stat' : 'normal' }] },
    ...relatedOf(doc, episode),
    ...clinicalOf(episode, lines),
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: { identifier: { system: FHIR_SYSTEMS.recepisse, value: episode.recepisse }, display: 'RAMED' },
      },
    ],
    item: lines.map((l, i) => ({
      sequence: i + 1,
      productOrService: {
        coding: [{ system: l.kind === 'acte' ? FHIR_SYSTEMS.act : FHIR_SYSTEMS.medicine, code: l.code, display: l.label }],
        text: l.label,
      },
      ...(l.prescriber && careTeamOf(lines).includes(l.prescriber)
        ? { careTeamSequence: [careTeamOf(lines).indexOf(l.prescriber) + 1] }
        : {}),
      ...(episode.clinical?.diagnosis || episode.clinical?.icd10 ? { diagnosisSequence: [1] } : {}),
      servicedDate: l.performedOn,
      quantity: { value: l.quantity },
      unitPrice: money(l.unitPrice),
      net: money(l.amount),
    })),
    total: money(lines.reduce((sum, l) => sum + l.amount, 0)),
  };
}

export type FhirClaim = ReturnType<typeof claimResource>;

export function claimBundle(doc: ClaimDocument, sha256: string, signedAt: string) {
  const episodes = doc.episodes.filter((e) => !e.excluded);
  return {
    resourceType: 'Bundle' as const,
    id: sha256.slice(0, 32),
    identifier: { system: FHIR_SYSTEMS.claim, value: `${doc.facility.code}-${doc.month}-v${doc.version}-${sha256}` },
    type: 'collection' as const,
    timestamp: signedAt,
    entry: episodes.map((e) => {
      const resource = claimResource(doc, e, sha256, signedAt);
      return { fullUrl: `urn:uuid:${uuidOf(resource.id)}`, resource };
    }),
  };
}
