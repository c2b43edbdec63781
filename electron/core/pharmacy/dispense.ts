import type { DispenseResult } from '../../../shared/domain/pharmacy';
import { allocateFefo, isUsable, type Allocation } from '../../../shared/rules/stock';
import { frenchDate } from '../../../shared/lib/dates';
import { isoNow, isoToday } from '../clock';
import { conflict, DomainError, notFound, refused } from '../errors';
import { inTransaction, lockEpisode } from '../episodes/writer';
import { medicineProgramme } from '../programmes/coverage';
import { offListJustification } from '../reference/off-list';
import { assertDispensable } from './episodes';
import { addMovement } from './ledger';
import { episodeLines, episodeUnmet } from './lines';
import { medicineInForce } from './medicines';
import type { ServiceContext } from '../context';

export interface DispenseInput {
  episodeId: number;
  medicineCode: string;
  quantity: number;
  prescriber: string;
  /** A batch other than FEFO's choice, with the reason (audited). */
  batchId?: number;
  overrideReason?: string;
  /** Serve what is usable and record the rest as unmet demand, instead of refusing. */
  serveAvailable?: boolean;
  /** Why a medicine off the essential list is given (required when the facility asks for it). */
  offListReason?: string;
}

const units = (n: number) => `${n} unité${n > 1 ? 's' : ''}`;

/**
 * Gives a medicine on an episode: batches in FEFO order (or the one chosen, with a reason), each
 * batch taken making one line priced from the medicines list in force today. The batches are read
 * under row locks and each decrement is conditional, so two pharmacists cannot give the same units.
 */
export async function dispense(ctx: ServiceContext, input: DispenseInput): Promise<DispenseResult> {
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const today = isoToday(ctx.clock);
    const at = isoNow(ctx.clock);
    const episode = await lockEpisode(tx, input.episodeId);
    assertDispensable(episode, today);
    const medicine = await medicineInForce(db, input.medicineCode, today);
    if (!medicine) {
      const message = 'Ce médicament n’est pas sur la liste en vigueur aujourd’hui.';
      throw new DomainError('REFUSED', message, { medicineCode: message });
    }
    const offListReason = medicine.essential ? null : await offListJustification(db, 'dispensation', medicine.dci, input.offListReason);
    const batches = await ctx.features
      .forUpdate(db.selectFrom('stock_batch').selectAll().where('medicine_code', '=', medicine.code).orderBy('id'))
      .execute();

    let allocations: Allocation[];
    let unmet = 0;
    if (input.batchId !== undefined) {
      const batch = batches.find((b) => b.id === input.batchId);
      if (!batch) throw notFound('Lot introuvable pour ce médicament.');
      if (!isUsable(batch.expiry, today)) {
        const message = `Le lot ${batch.lot} est périmé (${frenchDate(batch.expiry)}) : il ne peut pas être dispensé.`;
        throw new DomainError('REFUSED', message, { batchId: message });
      }
      if (batch.quantity < input.quantity) {
        const message = `Le lot ${batch.lot} ne contient que ${units(batch.quantity)}.`;
        throw new DomainError('REFUSED', message, { quantity: message });
      }
      allocations = [{ batchId: batch.id, quantity: input.quantity }];
    } else {
      const fefo = allocateFefo(
        batches.map((b) => ({ id: b.id, expiry: b.expiry, receivedOn: b.received_on, quantity: b.quantity })),
        input.quantity,
        today,
      );
      if (fefo.ok) allocations = fefo.allocations;
      else if (input.serveAvailable) {
        const partial =
          fefo.available > 0
            ? allocateFefo(
                batches.map((b) => ({ id: b.id, expiry: b.expiry, receivedOn: b.received_on, quantity: b.quantity })),
                fefo.available,
                today,
              )
            : null;
        allocations = partial?.ok ? partial.allocations : [];
        unmet = input.quantity - fefo.available;
      } else {
        const message =
          fefo.available === 0
            ? `${medicine.dci} : aucune unité utilisable en stock. Enregistrez la demande non satisfaite.`
            : `${medicine.dci} : ${units(fefo.available)} utilisable${fefo.available > 1 ? 's' : ''} en stock pour ${units(input.quantity)} demandée${input.quantity > 1 ? 's' : ''}. Servez ce qui reste et enregistrez le manque.`;
        throw new DomainError('REFUSED', message, { quantity: message });
      }
    }

    const lineIds: number[] = [];
    const programme = await medicineProgramme(db, episode, medicine.code, today);
    for (const a of allocations) {
      const line = await db
        .insertInto('dispensation')
        .values({
          episode_id: episode.id,
          medicine_id: medicine.id,
          medicine_code: medicine.code,
          dci: medicine.dci,
          form: medicine.form,
          strength: medicine.strength,
          quantity: a.quantity,
          unit_price: medicine.price,
          amount: a.quantity * medicine.price,
          dispensed_at: at,
          dispensed_by: ctx.login,
          prescriber: input.prescriber,
          batch_id: a.batchId,
          override_reason: input.batchId !== undefined ? (input.overrideReason ?? null) : null,
          off_list_reason: offListReason,
          cancels_id: null,
          cancel_reason: null,
          programme_code: programme,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addMovement(db, {
        batchId: a.batchId,
        kind: 'dispensation',
        quantity: -a.quantity,
        reason: null,
        dispensationId: line.id,
        at,
        login: ctx.login,
      });
      lineIds.push(line.id);
    }
    let unmetId: number | null = null;
    if (unmet > 0) {
      const row = await db
        .insertInto('unmet_demand')
        .values({
          episode_id: episode.id,
          medicine_code: medicine.code,
          dci: medicine.dci,
          requested: input.quantity,
          unmet,
          prescriber: input.prescriber,
          recorded_at: at,
          recorded_by: ctx.login,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unmetId = row.id;
    }
    const lines = (await episodeLines(db, episode.id)).filter((l) => lineIds.includes(l.id));
    const unmetRow = unmetId === null ? null : ((await episodeUnmet(db, episode.id)).find((u) => u.id === unmetId) ?? null);
    return { lines, unmet: unmetRow };
  });
}

/**
 * Cancels a dispensed line (given by mistake, returned unopened): a mirror line with the reason,
 * and the units go back to their batch through a `retour` ledger entry. Nothing is deleted.
 */
export async function cancelDispensation(ctx: ServiceContext, input: { lineId: number; reason: string }): Promise<number> {
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const line = await db.selectFrom('dispensation').selectAll().where('id', '=', input.lineId).executeTakeFirst();
    if (!line) throw notFound('Ligne de dispensation introuvable.');
    const episode = await lockEpisode(tx, line.episode_id);
    assertDispensable(episode, isoToday(ctx.clock));
    if (line.cancels_id !== null) throw refused('Cette ligne est une annulation : elle ne peut pas être annulée à son tour.');
    const already = await db
      .selectFrom('dispensation')
      .select(['dispensed_at', 'dispensed_by'])
      .where('cancels_id', '=', line.id)
      .executeTakeFirst();
    if (already) throw conflict(`Cette ligne a déjà été annulée le ${frenchDate(already.dispensed_at)} par ${already.dispensed_by}.`);
    const at = isoNow(ctx.clock);
    const { id: _id, ...copy } = line;
    const cancellation = await db
      .insertInto('dispensation')
      .values({
        ...copy,
        quantity: -line.quantity,
        amount: -line.amount,
        dispensed_at: at,
        dispensed_by: ctx.login,
        override_reason: null,
        cancels_id: line.id,
        cancel_reason: input.reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addMovement(db, {
      batchId: line.batch_id,
      kind: 'retour',
      quantity: line.quantity,
      reason: input.reason,
      dispensationId: cancellation.id,
      at,
      login: ctx.login,
    });
    return cancellation.id;
  });
}
