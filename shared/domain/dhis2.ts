import type { Dhis2Conflict, Dhis2ImportStatus } from '../rules/dhis2/import-summary';
import type { GeneratedFile } from '../contract/files';

/** The month's dataValueSet as the manager sees it before sending, and as a file (`ramed stats --dhis2`). */
export interface Dhis2Preview {
  month: string;
  /** `juillet 2026`. */
  label: string;
  /** `202607`. */
  period: string;
  orgUnit: string;
  dataSet: string | null;
  values: Array<{ key: string; label: string; value: number; dataElement: string; categoryOptionCombo: string | null }>;
  /** Figures at zero, not sent. */
  zeros: number;
  /** Non-zero figures the mapping leaves out. */
  unmapped: Array<{ key: string; label: string; value: number }>;
  /** The JSON file to import by hand (Import/Export app, ID scheme: Code). */
  file: GeneratedFile;
}

/** One post to DHIS2 and its import summary, as recorded. */
export interface Dhis2Send {
  id: number;
  month: string;
  orgUnit: string;
  url: string;
  sentAt: string;
  by: string;
  dryRun: boolean;
  httpStatus: number;
  status: Dhis2ImportStatus;
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  conflicts: Dhis2Conflict[];
  valuesSent: number;
}
