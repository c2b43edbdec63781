import type { Kysely } from 'kysely';
import type { BackupRunView } from '../../../shared/domain/backup';
import type { Database } from '../db/schema/index';
import type { BackupRunTable } from '../db/schema/backup';

export type BackupRunRecord = Omit<BackupRunTable, 'id'>;

export async function recordRun(db: Kysely<Database>, run: BackupRunRecord): Promise<void> {
  await db.insertInto('backup_run').values(run).execute();
}

export async function latestRuns(db: Kysely<Database>, limit: number): Promise<BackupRunView[]> {
  const rows = await db.selectFrom('backup_run').selectAll().orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    by: r.by_login,
    outcome: r.outcome,
    file: r.file,
    size: r.size,
    message: r.message,
  }));
}

/** When the last backup succeeded, and when the last one failed. */
export async function lastOutcomes(db: Kysely<Database>): Promise<{ lastSuccessAt: string | null; lastFailureAt: string | null }> {
  const last = (outcome: BackupRunTable['outcome']) =>
    db
      .selectFrom('backup_run')
      .select('finished_at')
      .where('outcome', '=', outcome)
      .orderBy('finished_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  const [ok, failed] = await Promise.all([last('ok'), last('failed')]);
  return { lastSuccessAt: ok?.finished_at ?? null, lastFailureAt: failed?.finished_at ?? null };
}
