import type { Generated } from 'kysely';
import type { Flag } from './system';

export interface RegistryImportTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  mode: 'full' | 'delta';
  /** 'valid', 'unsigned' (no key configured), 'absent' or 'invalid'. */
  signature: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  started_at: string;
  finished_at: string | null;
  by_login: string;
  inserted: number;
  updated: number;
  unchanged: number;
  struck_off: number;
  rejected: number;
}

export interface PersonTable {
  id: Generated<number>;
  recepisse: string;
  family_name: string;
  given_names: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD; for a birth year alone, YYYY-01-01 with birth_year_only = 1. */
  birth_date: string;
  birth_year_only: Flag;
  quality: 'titulaire' | 'conjoint' | 'enfant' | 'admis_de_droit';
  holder_recepisse: string | null;
  category: string | null;
  in_school: Flag;
  disabled: Flag;
  valid_from: string | null;
  valid_to: string | null;
  status: 'actif' | 'suspendu' | 'radie';
  status_changed_at: string | null;
  nina: string | null;
  commune_code: string | null;
  commune: string | null;
  phone: string | null;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface RegistryTables {
  registry_import: RegistryImportTable;
  person: PersonTable;
}
