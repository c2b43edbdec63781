import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import type { ReceptionCheckTable } from '../db/schema/reception';

export interface CheckRecord {
  at: string;
  byLogin: string;
  kind: ReceptionCheckTable['kind'];
  recepisse: string;
  personId: number | null;
  eligible: boolean;
  outcome: ReceptionCheckTable['outcome'];
  reasons: readonly string[];
  warnings: readonly string[];
  identityDocument?: string | null;
  identityMatches?: boolean | null;
  episodeId?: number | null;
}

/** Keeps one desk check and its refusal reasons; answers its id. */
export async function recordCheck(db: Kysely<Database>, r: CheckRecord): Promise<number> {
  const row = await db
    .insertInto('reception_check')
    .values({
      at: r.at,
      day: r.at.slice(0, 10),
      by_login: r.byLogin,
      kind: r.kind,
      recepisse: r.recepisse,
      person_id: r.personId,
      eligible: r.eligible ? 1 : 0,
      outcome: r.outcome,
      warnings: JSON.stringify(r.warnings),
      identity_document: r.identityDocument ?? null,
      identity_matches: r.identityMatches == null ? null : r.identityMatches ? 1 : 0,
      episode_id: r.episodeId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (r.reasons.length > 0) {
    await db
      .insertInto('reception_check_reason')
      .values(r.reasons.map((code) => ({ check_id: row.id, code })))
      .execute();
  }
  return row.id;
}
