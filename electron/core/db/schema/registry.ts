import type { Generated } from 'kysely';
import type { Flag } from './system';

export interface RegistryImportTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  mode: 'full' | 'delta';
  strict: Generated<Flag>;
  /** See SignatureStatus in shared/api/registry.ts. */
  signature: string;
  status: 'running' | 'done' | 'refused' | 'cancelled' | 'interrupted' | 'failed' | 'dry_run';
  /**
   * Where a running import stands, so a restart continues: checking → applying → indexing (a first
   * import on SQLite, PersonIndexes) → striking → finished.
   */
  phase: Generated<'checking' | 'applying' | 'indexing' | 'striking' | 'finished'>;
  /** Why it was refused, failed or stopped (French). */
  message: string | null;
  started_at: string;
  finished_at: string | null;
  /** Renewed at every batch: a running import whose heartbeat is old has died and may be resumed. */
  heartbeat_at: string | null;
  /** The process running it, « host:pid » (null before migration 0021): a dead one on this host is known at once. */
  holder: string | null;
  by_login: string;
  /** Data rows in the file, once counted. */
  lines_total: number | null;
  /** Last file line whose batch is committed (the resume point). */
  lines_done: Generated<number>;
  /** Full mode: last person id examined for striking off absents. */
  strike_after_id: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  struck_off: Generated<number>;
  rejected: Generated<number>;
  /** JSON array of French remarks (ignored columns…). */
  warnings: Generated<string>;
  /** YYYY-MM-DD: the day the ANAM extracted the file, as its header declares (null: none declared). */
  extract_date: string | null;
  /** The file's place in the ANAM's series of registry files (null: none declared). */
  sequence: number | null;
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
  /** The import that created or last changed the record (its file name is there). */
  import_id: number | null;
  /**
   * YYYY-MM-DD: the day this version took effect (the file's date_statut, else the day it was
   * imported). Null: the oldest known version, which holds for every earlier day too.
   */
  effective_from: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonHistoryTable {
  id: Generated<number>;
  person_id: number;
  /** The import that replaced this version. */
  import_id: number;
  replaced_at: string;
  /** JSON array of the column names that changed. */
  changed: string;
  /** JSON object: the registry columns of the replaced version. */
  previous: string;
  /** The day the replaced version had taken effect (null: the oldest known version). */
  effective_from: string | null;
}

export interface RegistryImportRejectionTable {
  id: Generated<number>;
  import_id: number;
  line: number;
  reason: string;
}

export interface RegistryImportSeenTable {
  import_id: number;
  recepisse: string;
  line: number;
}

export interface RegistryTables {
  registry_import: RegistryImportTable;
  person: PersonTable;
  person_history: PersonHistoryTable;
  registry_import_rejection: RegistryImportRejectionTable;
  registry_import_seen: RegistryImportSeenTable;
}
