import type { Insertable, Kysely } from 'kysely';
import type { Rejection } from '../../../shared/domain/registry-import';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import type { PersonTable } from '../db/schema/registry';
import { PERSON_WRITTEN_COLUMNS } from '../db/schema/columns';
import type { BulkStatements } from '../db/bulk';
import type { PersonRow } from './person-view';
import { REGISTRY_COLUMNS, type RegistryRow, type RowCheck } from './registry-row';

export interface BatchItem {
  line: number;
  check: RowCheck;
}

/** A valid row of the file and the day its version takes effect (null: the file does not say). */
export interface ValidRow {
  line: number;
  row: RegistryRow;
  statusDate: string | null;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: Rejection[];
}

/** Rows of `columns` columns that one multi-row statement takes within the dialect's parameter limit. */
const chunkSize = (columns: number, features: DialectFeatures): number =>
  Math.max(1, Math.min(1000, Math.floor(features.maxParameters / columns)));

/** Splits `items` so that a multi-row statement of `columns` columns fits the dialect's parameter limit. */
export function chunked<T>(items: readonly T[], columns: number, features: DialectFeatures): T[][] {
  const size = chunkSize(columns, features);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sorts a batch of checked rows into duplicates (by the récépissés this import has already met,
 * kept in `registry_import_seen`), rejections and valid rows, and records the newly met
 * récépissés. Runs inside the caller's transaction.
 */
export async function screenBatch(
  trx: Kysely<Database>,
  features: DialectFeatures,
  bulk: BulkStatements,
  importId: number,
  items: readonly BatchItem[],
): Promise<{ valid: ValidRow[]; rejections: Rejection[] }> {
  const known = [...new Set(items.map((i) => (i.check.ok ? i.check.row.recepisse : i.check.recepisse)).filter((r) => r !== null))];
  const seen = new Map<string, number>();
  for (const part of chunked(known, 1, features)) {
    const rows = await bulk.run(trx, 'seen-select', [importId, ...part], part.length, (n) =>
      trx
        .selectFrom('registry_import_seen')
        .select(['recepisse', 'line'])
        .where('import_id', '=', importId)
        .where('recepisse', 'in', Array<string>(n).fill('')),
    );
    for (const r of rows) seen.set(r.recepisse, Number(r.line));
  }

  const fresh: Array<{ import_id: number; recepisse: string; line: number }> = [];
  const valid: ValidRow[] = [];
  const rejections: Rejection[] = [];
  for (const { line, check } of items) {
    const recepisse = check.ok ? check.row.recepisse : check.recepisse;
    if (recepisse !== null) {
      const first = seen.get(recepisse);
      if (first === undefined) {
        seen.set(recepisse, line);
        fresh.push({ import_id: importId, recepisse, line });
      } else if (first !== line) {
        rejections.push({ line, reason: `Récépissé ${recepisse} en double dans le fichier (déjà à la ligne ${first}).` });
        continue;
      }
    }
    if (check.ok) valid.push({ line, row: check.row, statusDate: check.statusDate });
    else rejections.push({ line, reason: check.reason });
  }
  for (const part of chunked(fresh, 3, features)) {
    await bulk.run(
      trx,
      'seen-insert',
      part.flatMap((r) => [r.import_id, r.recepisse, r.line]),
      part.length,
      (n) => trx.insertInto('registry_import_seen').values(Array.from({ length: n }, () => ({ import_id: 0, recepisse: '', line: 0 }))),
    );
  }
  return { valid, rejections };
}

const SNAPSHOT_COLUMNS = [...REGISTRY_COLUMNS, 'import_id', 'updated_at'] as const;

const PERSON_TEMPLATE = Object.fromEntries(PERSON_WRITTEN_COLUMNS.map((c) => [c, null])) as unknown as Insertable<PersonTable>;

/** Appends a person's values in the order of PERSON_WRITTEN_COLUMNS. */
function pushWrite(
  out: unknown[],
  row: RegistryRow,
  statusChangedAt: string | null,
  importId: number,
  effectiveFrom: string | null,
  createdAt: string,
  now: string,
): void {
  out.push(row.recepisse);
  for (const column of REGISTRY_COLUMNS) out.push(row[column]);
  out.push(statusChangedAt, importId, effectiveFrom, createdAt, now);
}

type HistoryRow = {
  person_id: number;
  import_id: number;
  replaced_at: string;
  changed: string;
  previous: string;
  effective_from: string | null;
};
const HISTORY_COLUMNS = ['person_id', 'import_id', 'replaced_at', 'changed', 'previous', 'effective_from'] as const;

async function insertHistory(trx: Kysely<Database>, features: DialectFeatures, bulk: BulkStatements, rows: readonly HistoryRow[]) {
  for (const part of chunked(rows, HISTORY_COLUMNS.length, features)) {
    await bulk.run(
      trx,
      'history-insert',
      part.flatMap((row) => HISTORY_COLUMNS.map((c) => row[c])),
      part.length,
      (n) =>
        trx.insertInto('person_history').values(
          Array.from({ length: n }, () => ({
            person_id: 0,
            import_id: 0,
            replaced_at: '',
            changed: '',
            previous: '',
            effective_from: '',
          })),
        ),
    );
  }
}

/**
 * Writes the valid rows of a batch: new persons inserted, changed persons updated with their
 * previous version kept in `person_history`, identical ones left untouched. A new version takes
 * effect on its row's date_statut, else on the day of the import; a new person's first version
 * holds for every earlier day too unless the file dates it. `firstImport`: the
 * registry held no one but this import's persons when it began, so none of these rows can exist
 * yet (the file's duplicates are screened out before) and the existing versions are not read.
 */
export async function writeRows(
  trx: Kysely<Database>,
  features: DialectFeatures,
  bulk: BulkStatements,
  importId: number,
  now: string,
  rows: ReadonlyArray<Pick<ValidRow, 'row' | 'statusDate'>>,
  firstImport = false,
): Promise<Pick<BatchOutcome, 'inserted' | 'updated' | 'unchanged'>> {
  const existing = new Map<string, PersonRow>();
  if (!firstImport) {
    for (const part of chunked(
      rows.map((r) => r.row.recepisse),
      1,
      features,
    )) {
      const found = await bulk.run(trx, 'person-select', part, part.length, (n) =>
        trx.selectFrom('person').selectAll().where('recepisse', 'in', Array<string>(n).fill('')),
      );
      for (const p of found) existing.set(p.recepisse, p);
    }
  }

  // The statement's parameters are laid out row after row as they are met: no object per write.
  const writes: unknown[] = [];
  const history: HistoryRow[] = [];
  let inserted = 0;
  let unchanged = 0;
  // The import's day in Bamako (UTC+0): the ISO timestamp's date.
  const importDay = now.slice(0, 10);
  for (const { row, statusDate } of rows) {
    const before = existing.get(row.recepisse);
    if (!before) {
      inserted++;
      pushWrite(writes, row, now, importId, statusDate, now, now);
      continue;
    }
    const changed = REGISTRY_COLUMNS.filter((c) => before[c] !== row[c]);
    if (changed.length === 0) {
      unchanged++;
      continue;
    }
    const statusChangedAt = before.status !== row.status ? now : before.status_changed_at;
    pushWrite(writes, row, statusChangedAt, importId, statusDate ?? importDay, before.created_at, now);
    history.push({
      person_id: Number(before.id),
      import_id: importId,
      replaced_at: now,
      changed: JSON.stringify(changed),
      previous: JSON.stringify(Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, before[c]]))),
      effective_from: before.effective_from,
    });
  }

  await insertHistory(trx, features, bulk, history);
  const width = PERSON_WRITTEN_COLUMNS.length;
  const rowsPerStatement = chunkSize(width, features);
  for (let start = 0; start < writes.length; start += rowsPerStatement * width) {
    const part = writes.slice(start, start + rowsPerStatement * width);
    await bulk.run(trx, 'person-upsert', part, part.length / width, (n) =>
      trx
        .insertInto('person')
        .values(Array.from({ length: n }, () => PERSON_TEMPLATE))
        .onConflict((oc) =>
          oc.column('recepisse').doUpdateSet((eb) => ({
            family_name: eb.ref('excluded.family_name'),
            given_names: eb.ref('excluded.given_names'),
            sex: eb.ref('excluded.sex'),
            birth_date: eb.ref('excluded.birth_date'),
            birth_year_only: eb.ref('excluded.birth_year_only'),
            quality: eb.ref('excluded.quality'),
            holder_recepisse: eb.ref('excluded.holder_recepisse'),
            category: eb.ref('excluded.category'),
            in_school: eb.ref('excluded.in_school'),
            disabled: eb.ref('excluded.disabled'),
            valid_from: eb.ref('excluded.valid_from'),
            valid_to: eb.ref('excluded.valid_to'),
            status: eb.ref('excluded.status'),
            status_changed_at: eb.ref('excluded.status_changed_at'),
            nina: eb.ref('excluded.nina'),
            commune_code: eb.ref('excluded.commune_code'),
            commune: eb.ref('excluded.commune'),
            phone: eb.ref('excluded.phone'),
            import_id: eb.ref('excluded.import_id'),
            effective_from: eb.ref('excluded.effective_from'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        ),
    );
  }
  return { inserted, updated: history.length, unchanged };
}

/** Persons a full import did not meet: the next chunk after `afterId`, still not struck off. */
export async function nextAbsents(trx: Kysely<Database>, importId: number, afterId: number, limit: number): Promise<PersonRow[]> {
  return trx
    .selectFrom('person')
    .selectAll()
    .where('id', '>', afterId)
    .where('status', '<>', 'radie')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('registry_import_seen as s')
            .select('s.line')
            .where('s.import_id', '=', importId)
            .whereRef('s.recepisse', '=', 'person.recepisse'),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Strikes off absents of a full import, keeping each previous version: struck off from the day of the import. */
export async function strikeOff(
  trx: Kysely<Database>,
  features: DialectFeatures,
  bulk: BulkStatements,
  importId: number,
  now: string,
  persons: readonly PersonRow[],
): Promise<void> {
  const history = persons.map((p) => ({
    person_id: Number(p.id),
    import_id: importId,
    replaced_at: now,
    changed: JSON.stringify(['status']),
    previous: JSON.stringify(Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, p[c]]))),
    effective_from: p.effective_from,
  }));
  await insertHistory(trx, features, bulk, history);
  for (const part of chunked(
    persons.map((p) => Number(p.id)),
    1,
    features,
  )) {
    await trx
      .updateTable('person')
      .set({ status: 'radie', status_changed_at: now, import_id: importId, effective_from: now.slice(0, 10), updated_at: now })
      .where('id', 'in', part)
      .execute();
  }
}
