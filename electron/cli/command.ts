import type { ParseArgsConfig } from 'node:util';
import type { MethodName, Api } from '../../shared/api/index';
import type { InputOf, OutputOf } from '../../shared/contract/contract';
import type { FileEntry } from '../core/files';

export class UsageError extends Error {}

export interface CliContext {
  json: boolean;
  /** The database named by --db, RAMED_DB or this workstation's `database.url`, or the app's own. */
  dbTarget: string;
  /** This workstation's settings file (poste.json), which names its shared database. */
  workstationFile: string;
  /**
   * Hands a file named on the command line to the core, as the window's file picker does: the
   * contract then takes its opaque reference. Opens (and migrates) the database on first use.
   */
  registerFile(path: string): Promise<FileEntry>;
  /** Calls a contract method as the facility's local administrator; throws DomainError on refusal. */
  call<N extends MethodName>(method: N, input: InputOf<Api[N]>): Promise<OutputOf<Api[N]>>;
}

export interface CliOutput {
  /** The one JSON document printed with --json. */
  json: unknown;
  /** What a person reads otherwise. */
  text: string;
  /** 1 for a domain refusal that is not an error (e.g. not eligible), 2 for a rejected input file. */
  exitCode?: 0 | 1 | 2;
}

export interface CliCommand {
  /** One or two words: `init`, `claims build`. */
  name: string;
  summary: string;
  usage: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  positionals?: { min: number; max: number };
  /** init, demo, restore: may create the database --db names; every other command refuses a missing one. */
  createsDatabase?: boolean;
  run(ctx: CliContext, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<CliOutput>;
}
