import type { PersonView } from './registry';
import type { Eligibility } from '../rules/eligibility';

export interface CheckResult extends Eligibility {
  date: string;
  person: PersonView | null;
  holder: PersonView | null;
}

export interface PersonMatch extends PersonView {
  eligibility: Eligibility;
}

export interface HouseholdMember {
  person: PersonView;
  eligibility: Eligibility;
}

export interface Household {
  date: string;
  /** The titulaire (or the admis de droit alone); null when the holder is not in the registry. */
  holder: HouseholdMember | null;
  holderRecepisse: string;
  spouses: HouseholdMember[];
  children: HouseholdMember[];
}

export interface PersonVersion {
  /** The import that replaced this version. */
  importId: number;
  fileName: string | null;
  replacedAt: string;
  changed: string[];
  previous: Partial<PersonView>;
}
