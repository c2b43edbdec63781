import { sql } from 'kysely';
import { frenchDate } from '../../../shared/lib/dates';
import { priceAct, type PricingRefusal } from '../../../shared/rules/pricing';
import { isoToday } from '../clock';
import { conflict, DomainError, notFound, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { coverageOf } from '../programmes/coverage';
import { medicineInForce } from '../pharmacy/medicines';
import { offListJustification } from '../reference/off-list';
import { tariffVersions } from '../reference/tariffs';
import { inTransaction, lockOpenEpisode, touchEpisode } from './writer';
import type { ServiceContext } from '../context';

export interface AddLineInput {
  episodeId: number;
  code: string;
  quantity: number;
  performedOn: string;
  prescriber: string;
  /** Why a medicine keyed as an act and off the essential list is billed (required when the facility asks for it). */
  offListReason?: string;
}

/** The form field a pricing refusal is about, so the window shows it there. */
const REFUSAL_FIELD: Record<PricingRefusal, 'code' | 'quantity' | 'performedOn'> = {
  INVALID_QUANTITY: 'quantity',
  UNKNOWN_ACT: 'code',
  NO_TARIFF_ON_DATE: 'performedOn',
  LEVEL_NOT_ALLOWED: 'code',
  EXCLUDED_CARE: 'code',
  NOT_COVERED: 'code',
  ZERO_PRICE: 'code',
  QUANTITY_OVER_MAX: 'quantity',
};

/** Units of an act still in force on the episode: cancellation lines carry negative quantities. */
async function quantityOnEpisode(ctx: ServiceContext, episodeId: number, code: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('prestation')
    .select(sql<number>`coalesce(sum(quantity), 0)`.as('total'))
    .where('episode_id', '=', episodeId)
    .where('kind', '=', 'acte')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Adds an act priced with the tariff in force on its date at the facility's level. */
export async function addLine(ctx: ServiceContext, input: AddLineInput): Promise<number> {
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const episode = await lockOpenEpisode(tx, input.episodeId);
    const openedOn = episode.opened_at.slice(0, 10);
    if (input.performedOn > isoToday(ctx.clock)) {
      throw new DomainError('INVALID_INPUT', 'La date de l’acte ne peut pas être dans le futur.', {
        performedOn: 'Date dans le futur',
      });
    }
    if (input.performedOn < openedOn) {
      const message = `La date de l’acte précède l’ouverture de l’épisode (${frenchDate(openedOn)}).`;
      throw new DomainError('INVALID_INPUT', message, { performedOn: message });
    }
    const facility = await getFacility(db);
    if (!facility) throw conflict('L’établissement n’est pas configuré : voyez l’administrateur.');
    const priced = priceAct(await tariffVersions(db, input.code), {
      code: input.code,
      date: input.performedOn,
      level: facility.level,
      quantity: input.quantity,
      alreadyInEpisode: await quantityOnEpisode(tx, episode.id, input.code),
      coverage: await coverageOf(db, episode),
    });
    if (!priced.ok) throw new DomainError('REFUSED', priced.message, { [REFUSAL_FIELD[priced.code]]: priced.message });
    const { tariff, quantity, unitPrice, amount, payer, programme } = priced.line;
    // A medicine the tariff list carries as an act (same code): the pharmacy's essential-list rule applies to it too.
    const medicine = payer === 'ramed' ? await medicineInForce(db, tariff.code, input.performedOn) : undefined;
    const offListReason =
      medicine && medicine.essential === 0 ? await offListJustification(db, 'acte', medicine.dci, input.offListReason) : null;
    const line = await db
      .insertInto('prestation')
      .values({
        episode_id: episode.id,
        kind: 'acte',
        tariff_id: tariff.id,
        medicine_id: null,
        code: tariff.code,
        label: tariff.label,
        category: tariff.category,
        performed_on: input.performedOn,
        quantity,
        unit_price: unitPrice,
        amount,
        payer,
        programme_code: programme,
        prescriber: input.prescriber,
        cancels_id: null,
        reason: null,
        off_list_reason: offListReason,
        created_at: ctx.clock.now().toISOString(),
        created_by: ctx.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchEpisode(tx, episode.id);
    return line.id;
  });
}

/**
 * Cancels a line by adding its mirror (negated quantity and amount) with the reason: the claim and
 * the audit keep both. A line is cancelled once; a cancellation is never itself cancelled.
 */
export async function cancelLine(ctx: ServiceContext, input: { episodeId: number; lineId: number; reason: string }): Promise<number> {
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const episode = await lockOpenEpisode(tx, input.episodeId);
    const line = await db
      .selectFrom('prestation')
      .selectAll()
      .where('id', '=', input.lineId)
      .where('episode_id', '=', episode.id)
      .executeTakeFirst();
    if (!line) throw notFound('Ligne introuvable sur cet épisode.');
    if (line.cancels_id !== null) throw refused('Cette ligne est une annulation : elle ne peut pas être annulée à son tour.');
    const already = await db
      .selectFrom('prestation')
      .select(['created_at', 'created_by'])
      .where('cancels_id', '=', line.id)
      .executeTakeFirst();
    if (already) throw conflict(`Cette ligne a déjà été annulée le ${frenchDate(already.created_at)} par ${already.created_by}.`);
    const cancellation = await db
      .insertInto('prestation')
      .values({
        episode_id: episode.id,
        kind: line.kind,
        tariff_id: line.tariff_id,
        medicine_id: line.medicine_id,
        code: line.code,
        label: line.label,
        category: line.category,
        performed_on: line.performed_on,
        quantity: -line.quantity,
        unit_price: line.unit_price,
        amount: -line.amount,
        payer: line.payer,
        programme_code: line.programme_code,
        prescriber: line.prescriber,
        cancels_id: line.id,
        reason: input.reason,
        off_list_reason: line.off_list_reason,
        created_at: ctx.clock.now().toISOString(),
        created_by: ctx.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchEpisode(tx, episode.id);
    return cancellation.id;
  });
}
