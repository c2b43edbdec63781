import type { Generated } from 'kysely';
import type { Flag } from './system';

/** One version of a free-care programme (0024); a new version ends the previous one's period. */
export interface ProgrammeTable {
  id: Generated<number>;
  code: string;
  name: string;
  payer: string;
  rank: number;
  /** The lists below are `|`-separated codes, as in the file; empty when the programme does not use them. */
  acts: string;
  categories: string;
  medicines: string;
  caesarean: Flag;
  /** `moins_de_N_ans` and `enceinte`, `|`-separated; empty for every patient. */
  patients: string;
  icd10: string;
  effective_from: string;
  /** Inclusive; null while open-ended. The only column an import ever updates. */
  effective_to: string | null;
  import_id: number;
  created_at: string;
}

export interface ProgrammeTables {
  programme_import: {
    id: Generated<number>;
    kind: 'programmes';
    file_name: string;
    sha256: string;
    imported_at: string;
    by_login: string;
    lines: number;
    inserted: number;
    closed: number;
    /** What the signature check found (0026); null before. */
    signature: string | null;
    warning: string | null;
  };
  programme: ProgrammeTable;
}
