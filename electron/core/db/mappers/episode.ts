import type { Selectable } from 'kysely';
import type { AdmissionFacts, EligibilitySnapshot } from '../../../../shared/domain/episodes';
import type { EpisodeTable } from '../schema/episodes';

/** The admission an episode row records: how the patient came, the identity shown, the eligibility decided at the desk. */
export type EpisodeAdmission = AdmissionFacts & { eligibility: EligibilitySnapshot };

type AdmissionColumns = Pick<
  Selectable<EpisodeTable>,
  'type' | 'emergency' | 'referral_from' | 'referral_ref' | 'identity_document' | 'identity_number' | 'identity_matches' | 'eligibility'
>;

/** An episode row's admission, as the episode view and the admission slip show it. */
export function toEpisodeAdmission(row: AdmissionColumns): EpisodeAdmission {
  return {
    type: row.type,
    emergency: row.emergency === 1,
    referralFrom: row.referral_from,
    referralRef: row.referral_ref,
    identityDocument: row.identity_document,
    identityNumber: row.identity_number,
    identityMatches: row.identity_matches === null ? null : row.identity_matches === 1,
    eligibility: JSON.parse(row.eligibility) as EligibilitySnapshot,
  };
}
