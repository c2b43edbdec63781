import type { Generated } from 'kysely';

/** Integer 0/1 on both databases: the same code reads booleans on SQLite and PostgreSQL. */
export type Flag = 0 | 1;

export interface FacilityTable {
  id: number;
  code: string;
  name: string;
  level: string;
  region: string | null;
  cercle: string | null;
  commune: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface UserTable {
  id: Generated<number>;
  login: string;
  full_name: string;
  /** Comma-separated roles, in the order of ROLES. */
  roles: string;
  password_hash: string;
  must_change_password: Flag;
  active: Flag;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** Raised when the password is reset or changed: open sessions of an older version end (0004_accounts). */
  session_version: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_login: string;
  method: string;
  entity: string | null;
  entity_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** JSON text: the call's input (secrets removed) and any detail the service adds. */
  summary: string;
  prev_hash: string;
  hash: string;
}

/** One row: the chain's last sequence number and hash, locked by every append. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** Fingerprint of the key the chain is sealed with; null until anchored (0020). */
  key_id: string | null;
  /** Rows up to this one were chained before the key (plain SHA-256, or another key's); 0: none. */
  anchor_seq: number | null;
  /** HMAC of the head (seq, hash, anchor, key). */
  mac: string | null;
}

export interface SystemTables {
  facility: FacilityTable;
  setting: SettingTable;
  app_user: UserTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
