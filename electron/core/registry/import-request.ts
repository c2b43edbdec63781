import type { ImportMode } from '../../../shared/domain/registry-import';

export interface ImportRequest {
  path: string;
  /** The name the user chose, for the history. */
  fileName: string;
  /** The detached signature; null looks for FILE.sig beside the file. */
  signaturePath: string | null;
  mode: ImportMode;
  strict: boolean;
  by: string;
  /** Count what would change, change nothing. */
  dryRun?: boolean;
  /** Confirmed: apply although numbers are missing in the ANAM's series. */
  acceptGap?: boolean;
  /** Confirmed: strike off the absents of a full import past registry.maxStrikeOffPercent. */
  force?: boolean;
}
