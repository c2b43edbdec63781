import type { Kysely } from 'kysely';
import type { ClaimLine } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';
import { describeLines } from '../episodes/read';

/**
 * A source of billed lines for a set of episodes. The claim takes every source's lines: the acts
 * (and medicines) keyed on the episode, and the pharmacy's dispensings once they exist.
 */
export type LineSource = (db: Kysely<Database>, episodeIds: readonly number[]) => Promise<ClaimLine[]>;

/** Lines of the episodes still in force: a cancelled line and its cancellation both stay out. */
export const prestationLines: LineSource = async (db, episodeIds) => {
  if (episodeIds.length === 0) return [];
  const rows = await db.selectFrom('prestation').selectAll().where('episode_id', 'in', episodeIds).orderBy('id').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return describeLines(rows)
    .filter((l) => l.state === 'active')
    .map((l) => ({
      key: `prestation:${l.id}`,
      source: 'prestation' as const,
      episodeId: byId.get(l.id)!.episode_id,
      kind: l.kind,
      code: l.code,
      label: l.label,
      category: l.category ?? (l.kind === 'medicament' ? 'medicaments' : 'autre'),
      performedOn: l.performedOn,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      payer: l.payer,
    }));
};

export const LINE_SOURCES: readonly LineSource[] = [prestationLines];
