import type { Generated } from 'kysely';
import type { Dhis2ImportStatus } from '../../../../shared/rules/dhis2/import-summary';
import type { Flag } from './system';

/**
 * One dataValueSet posted to the district's DHIS2 and what its import summary said. Only sends
 * DHIS2 answered with a summary are kept (a refused login or a server down records nothing).
 */
export interface Dhis2SendTable {
  id: Generated<number>;
  /** YYYY-MM. */
  month: string;
  org_unit: string;
  /** The server's address (without credentials). */
  url: string;
  sent_at: string;
  by_login: string;
  /** 1 when DHIS2 was asked to check without saving (`dryRun=true`). */
  dry_run: Flag;
  http_status: number;
  status: Dhis2ImportStatus;
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  /** JSON array of {object, value, errorCode}. */
  conflicts: string;
  values_sent: number;
  /** The dataValueSet posted, as JSON: what the district received. */
  payload: string;
}

export interface Dhis2Tables {
  dhis2_send: Dhis2SendTable;
}
