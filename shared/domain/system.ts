import type { Facility } from './facility';
import type { Role } from './roles';

export interface AppInfo {
  appVersion: string;
  schemaVersion: string;
  database: { kind: 'sqlite' | 'postgres'; label: string };
  facility: Facility | null;
  /** False until the first-run setup has created the facility and an administrator. */
  setupDone: boolean;
  /** The facility's date by the back end's clock (YYYY-MM-DD): the screens' « today ». */
  today: string;
}

export interface DemoAccount {
  login: string;
  password: string;
  roles: Role[];
  fullName: string;
}
