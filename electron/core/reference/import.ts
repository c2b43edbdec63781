import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { LineError, ReferenceImportReport } from '../../../shared/domain/reference';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import type { FileEntry } from '../files';
import { readCsvTable, type CsvColumns } from './csv';
import { planVersions, type IncomingVersion, type Version } from './versions';
import { illustrativeInRealFacility } from '../facility/onboarding';
import { signatureStatus } from '../registry/signature';
import { getSettings } from '../settings/settings';
import { signatureDecision } from './signature-policy';

/** What differs between the tariff list and the medicines list; the import itself is shared. */
export interface ReferenceSpec<C> {
  kind: 'tarifs' | 'medicaments' | 'controles' | 'programmes';
  columns: CsvColumns;
  /** One line of the file → its versions (a tariff line lists several levels), or its errors. */
  parseRow(values: Record<string, string>): { versions: Array<Omit<IncomingVersion<C>, 'line'>> } | { errors: string[] };
  /** The fields whose values differ, in French ("prix : 1 500 → 2 000"). */
  differences(recorded: C, given: C): string[];
  /** Names the item a version key stands for, in messages. */
  describeKey(key: string): string;
  loadExisting(db: Kysely<Database>): Promise<Map<string, Array<Version<C>>>>;
  insert(
    db: Kysely<Database>,
    rows: Array<{ key: string; from: string; to: string | null; content: C }>,
    importId: number,
    now: string,
  ): Promise<void>;
  close(db: Kysely<Database>, id: number, to: string): Promise<void>;
}

const MAX_BYTES = 20 * 1024 * 1024;
/** Enough for a person to fix a file; the count says if there are more. */
const MAX_REPORTED = 500;

/**
 * Imports a reference list inside the caller's transaction. All or nothing: when any line is
 * rejected, nothing is written and the report lists every line to fix. The ANAM's detached
 * signature (`signatureText`, null when none came with the file) is checked first over the very
 * bytes imported; a refused signature throws and changes nothing.
 */
export async function importReferenceFile<C>(
  ctx: ServiceContext,
  { file, spec, signatureText }: { file: FileEntry; spec: ReferenceSpec<C>; signatureText: string | null },
): Promise<ReferenceImportReport> {
  const { db } = ctx;
  const size = await stat(file.path).catch(() => null);
  if (!size?.isFile()) throw new DomainError('NOT_FOUND', `Fichier introuvable : ${file.name}.`);
  const tooBig = () => new DomainError('INVALID_INPUT', `Fichier trop volumineux pour une liste de référence : ${file.name}.`);
  if (size.size > MAX_BYTES) throw tooBig();
  // Read once: the checks, the import and the recorded SHA-256 all use these bytes, whatever happens to the file meanwhile.
  const bytes = await readFile(file.path);
  if (bytes.length > MAX_BYTES) throw tooBig();
  const settings = await getSettings(db, ['anam.publicKey', 'reference.unsignedFiles']);
  const signature = await signatureStatus(bytes, signatureText, settings['anam.publicKey']);
  const decision = signatureDecision(signature, settings['reference.unsignedFiles']);
  if ('refused' in decision) throw new DomainError('REFUSED', decision.refused);

  const table = readCsvTable(bytes, spec.columns);
  const rejected: LineError[] = [...table.errors];
  const incoming: IncomingVersion<C>[] = [];
  for (const row of table.rows) {
    const parsed = spec.parseRow(row.values);
    if ('errors' in parsed) rejected.push({ line: row.line, reason: parsed.errors.join(' ; ') });
    else incoming.push(...parsed.versions.map((v) => ({ ...v, line: row.line })));
  }
  const plan = planVersions(await spec.loadExisting(db), incoming, spec);
  rejected.push(...plan.errors);
  rejected.sort((a, b) => a.line - b.line);

  const report: ReferenceImportReport = {
    applied: rejected.length === 0,
    lines: table.rows.length,
    inserted: 0,
    unchanged: 0,
    closed: 0,
    rejected: rejected.slice(0, MAX_REPORTED),
    warnings: decision.warning ? [decision.warning, ...table.warnings] : table.warnings,
    signature,
  };
  if (rejected.length > MAX_REPORTED) {
    report.warnings.push(`${rejected.length} lignes refusées : seules les ${MAX_REPORTED} premières sont listées.`);
  }
  if (!report.applied) return report;
  const illustrative = await illustrativeInRealFacility(db, file.name);
  if (illustrative) report.warnings.push(illustrative);

  report.unchanged = plan.unchanged;
  if (plan.inserts.length === 0 && plan.closes.length === 0) return report;
  const now = isoNow(ctx.clock);
  const values = {
    file_name: file.name,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    imported_at: now,
    by_login: ctx.login,
    lines: table.rows.length,
    inserted: plan.inserts.length,
    closed: plan.closes.length,
    signature,
    warning: decision.warning,
  };
  const imported =
    spec.kind === 'controles'
      ? await db
          .insertInto('plausibility_import')
          .values({ ...values, kind: spec.kind })
          .returning('id')
          .executeTakeFirstOrThrow()
      : spec.kind === 'programmes'
        ? await db
            .insertInto('programme_import')
            .values({ ...values, kind: spec.kind })
            .returning('id')
            .executeTakeFirstOrThrow()
        : await db
            .insertInto('reference_import')
            .values({ ...values, kind: spec.kind })
            .returning('id')
            .executeTakeFirstOrThrow();
  for (const { id, to } of plan.closes) await spec.close(db, id, to);
  for (let i = 0; i < plan.inserts.length; i += 100) await spec.insert(db, plan.inserts.slice(i, i + 100), imported.id, now);
  report.inserted = plan.inserts.length;
  report.closed = plan.closes.length;
  return report;
}
