import type { AdmissionFacts, EligibilitySnapshot, UnregisteredAdmission } from '../../../shared/domain/episodes';
import type { Facility } from '../../../shared/domain/facility';
import type { Quality } from '../../../shared/domain/registry';

/** Everything the admission slip prints, read back from the episode and the registry. */
export interface SlipData extends AdmissionFacts {
  facility: Facility;
  number: string;
  openedAt: string;
  agent: string;
  patient: {
    name: string;
    sex: 'M' | 'F';
    birthDate: string;
    birthYearOnly: boolean;
    recepisse: string;
    /** Null while an emergency admitted out of the registry waits for its person. */
    quality: Quality | null;
    holderRecepisse: string | null;
  };
  eligibility: EligibilitySnapshot;
  /** The récépissé's validity that governs the rights (the holder's for a spouse or child). */
  validFrom: string | null;
  validTo: string | null;
  unregistered: UnregisteredAdmission | null;
}
