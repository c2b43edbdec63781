import type { Kysely } from 'kysely';
import type { BulkStatements } from '../db/bulk';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import { chunked, screenBatch, type BatchItem } from './apply-batch';
import type { RegistryFile } from './registry-file';
import { readRecords } from './registry-file';
import { checkRow, REGISTRY_COLUMNS, type FileHeader } from './registry-row';

/** What an import would change, counted without writing the registry. */
export interface ImportPreview {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Full mode: persons not yet struck off whom the file leaves out. */
  struckOff: number;
  /** Persons not yet struck off, before the import. */
  notStruckOff: number;
}

const BATCH = 5000;

/**
 * Reads the whole file and counts what applying it would do (new, changed, unchanged, rejected
 * rows; the absents a full import would strike off). Only the import's scratch list of met
 * récépissés is written, and emptied before returning.
 */
export async function previewImport(
  db: Kysely<Database>,
  features: DialectFeatures,
  bulk: BulkStatements,
  importId: number,
  file: RegistryFile,
  header: FileHeader,
  full: boolean,
  today: string,
): Promise<ImportPreview> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const screen = async (batch: BatchItem[]) => {
    await db.transaction().execute(async (trx) => {
      const { valid, rejections } = await screenBatch(trx, features, bulk, importId, batch);
      counts.rejected += rejections.length;
      const existing = new Map<string, Record<string, unknown>>();
      for (const part of chunked(
        valid.map((v) => v.row.recepisse),
        1,
        features,
      )) {
        const rows = await trx
          .selectFrom('person')
          .select(['recepisse', ...REGISTRY_COLUMNS])
          .where('recepisse', 'in', part)
          .execute();
        for (const r of rows) existing.set(r.recepisse, r);
      }
      for (const { row } of valid) {
        const before = existing.get(row.recepisse);
        if (!before) counts.inserted++;
        else if (REGISTRY_COLUMNS.some((c) => before[c] !== row[c])) counts.updated++;
        else counts.unchanged++;
      }
    });
  };
  try {
    let headerSeen = false;
    let batch: BatchItem[] = [];
    for await (const record of readRecords(file)) {
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      batch.push({ line: record.line, check: checkRow(record.fields, header, today) });
      if (batch.length >= BATCH) {
        await screen(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await screen(batch);
    const notStruckOff = await db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', 'radie')
      .executeTakeFirstOrThrow();
    let struckOff = 0;
    if (full) {
      const absents = await db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
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
        .executeTakeFirstOrThrow();
      struckOff = Number(absents.n);
    }
    return { ...counts, struckOff, notStruckOff: Number(notStruckOff.n) };
  } finally {
    await db.deleteFrom('registry_import_seen').where('import_id', '=', importId).execute();
  }
}
