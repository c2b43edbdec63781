import type { Generated } from 'kysely';
import type { FacilityLevel } from '../../../../shared/domain/facility';
import type { Exclusion, TariffCategory } from '../../../../shared/domain/reference';
import type { Flag } from './system';

export interface ReferenceImportTable {
  id: Generated<number>;
  kind: 'tarifs' | 'medicaments';
  file_name: string;
  sha256: string;
  imported_at: string;
  by_login: string;
  lines: number;
  inserted: number;
  closed: number;
  /** What the ANAM signature check found (SignatureStatus); null for imports before 0026. */
  signature: string | null;
  /** Why an unsigned list was accepted anyway (setting reference.unsignedFiles = avertir). */
  warning: string | null;
}

/** One version of an act's tariff at one level; a new version ends the previous one's period. */
export interface TariffTable {
  id: Generated<number>;
  code: string;
  level: FacilityLevel;
  label: string;
  category: TariffCategory;
  price: number;
  effective_from: string;
  /** Inclusive; null while open-ended. The only column an import ever updates. */
  effective_to: string | null;
  ramed_covered: Flag;
  max_quantity: number | null;
  exclusion: Exclusion | null;
  caesarean: Flag;
  import_id: number;
  created_at: string;
}

export interface MedicineTable {
  id: Generated<number>;
  code: string;
  dci: string;
  form: string;
  strength: string;
  unit: string;
  price: number;
  essential: Flag;
  effective_from: string;
  effective_to: string | null;
  import_id: number;
  created_at: string;
}

/** One version of a plausibility rule for an act or medicine code (0017). */
export interface PlausibilityRuleTable {
  id: Generated<number>;
  code: string;
  sex: 'F' | 'M' | null;
  age_min: number | null;
  age_max: number | null;
  min_days_between: number | null;
  max_per_period: number | null;
  period_days: number | null;
  per_day: Generated<Flag>;
  max_per_day: number | null;
  effective_from: string;
  /** Inclusive; null while open-ended. The only column an import ever updates. */
  effective_to: string | null;
  import_id: number;
  created_at: string;
}

export interface ReferenceTables {
  reference_import: ReferenceImportTable;
  tariff: TariffTable;
  medicine: MedicineTable;
  plausibility_import: Omit<ReferenceImportTable, 'kind'> & { kind: 'controles' };
  plausibility_rule: PlausibilityRuleTable;
}
