import type { Kysely, Selectable } from 'kysely';
import type { ClaimLine } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';
import { PRESTATION_COLUMNS } from '../db/schema/columns';
import type { PrestationTable } from '../db/schema/episodes';
import { fromTuples, jsonTuple } from '../db/json-rows';
import { describeLines } from '../episodes/read';
import { dispensedLines } from '../pharmacy/lines';
import { PROGRAMME_PAYER } from '../../../shared/rules/pricing';

/**
 * A source of billed lines for a set of episodes. The claim takes every source's lines: the acts
 * (and medicines) keyed on the episode, and the pharmacy's dispensings.
 */
export type LineSource = (db: Kysely<Database>, episodeIds: readonly number[]) => Promise<ClaimLine[]>;

/** Lines of the episodes still in force: a cancelled line and its cancellation both stay out. */
export const prestationLines: LineSource = async (db, episodeIds) => {
  if (episodeIds.length === 0) return [];
  const tuples = await db
    .selectFrom('prestation')
    .select(jsonTuple(db, PRESTATION_COLUMNS).as('t'))
    .where('episode_id', 'in', episodeIds)
    .orderBy('id')
    .execute();
  const rows = fromTuples<Selectable<PrestationTable>>(
    PRESTATION_COLUMNS,
    tuples.map((r) => r.t),
  );
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
      programme: byId.get(l.id)!.programme_code,
      prescriber: l.prescriber,
      ...(l.offListReason ? { offListReason: l.offListReason } : {}),
    }));
};

/** The pharmacy's dispensings in force, priced from the medicines list when they were dispensed. */
export const dispensationLines: LineSource = async (db, episodeIds) =>
  (await dispensedLines(db, episodeIds)).map((d) => ({
    key: `dispensation:${d.id}`,
    source: 'dispensation' as const,
    episodeId: d.episode_id,
    kind: 'medicament' as const,
    code: d.medicine_code,
    label: [d.dci, d.strength, d.form].filter(Boolean).join(' '),
    category: 'medicaments' as const,
    performedOn: d.dispensed_at.slice(0, 10),
    quantity: d.quantity,
    unitPrice: d.unit_price,
    amount: d.amount,
    payer: d.programme_code ? PROGRAMME_PAYER : ('ramed' as const),
    programme: d.programme_code,
    prescriber: d.prescriber,
    ...(d.off_list_reason ? { offListReason: d.off_list_reason } : {}),
  }));

export const LINE_SOURCES: readonly LineSource[] = [prestationLines, dispensationLines];

const SOURCE_ORDER: Record<ClaimLine['source'], number> = { prestation: 0, dispensation: 1 };
const lineId = (line: ClaimLine) => Number(line.key.slice(line.key.indexOf(':') + 1));

/** The order of an episode's lines on the bordereau: by day, the acts before the medicines, then as keyed. */
export const byLineOrder = (a: ClaimLine, b: ClaimLine): number =>
  a.performedOn.localeCompare(b.performedOn) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || lineId(a) - lineId(b);
