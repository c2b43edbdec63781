import type { Kysely, Selectable } from 'kysely';
import { addDays } from '../../../shared/lib/dates';
import { EXPIRY_WARNING_DAYS, type BatchView, type MovementView, type StockAlert, type StockItem } from '../../../shared/domain/pharmacy';
import { fefoOrder, isUsable } from '../../../shared/rules/stock';
import { isoNow, isoToday } from '../clock';
import { getSetting } from '../settings/settings';
import type { Database } from '../db/schema/index';
import type { StockBatchTable } from '../db/schema/pharmacy';
import { DomainError, notFound } from '../errors';
import { inTransaction } from '../episodes/writer';
import { listMedicinesInForce } from '../reference/medicines';
import { addMovement } from './ledger';
import { medicineInForce, medicineNames } from './medicines';
import type { ServiceContext } from '../context';

export interface ReceiptInput {
  medicineCode: string;
  lot: string;
  expiry: string;
  quantity: number;
  unitCost: number;
  supplier: string;
  receivedOn: string;
}

const fieldError = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { [field]: message });

/** A new batch and its first ledger entry. */
export async function receiveBatch(ctx: ServiceContext, input: ReceiptInput): Promise<number> {
  return inTransaction(ctx.db, async (db) => {
    const today = isoToday(ctx.clock);
    if (input.receivedOn > today) throw fieldError('receivedOn', 'La date de réception ne peut pas être dans le futur.');
    if (!isUsable(input.expiry, today)) throw fieldError('expiry', 'Ce lot est déjà périmé : il ne peut pas entrer en stock.');
    if (!(await medicineInForce(db, input.medicineCode, today)))
      throw fieldError('medicineCode', 'Ce médicament n’est pas sur la liste en vigueur.');
    const at = isoNow(ctx.clock);
    const batch = await db
      .insertInto('stock_batch')
      .values({
        medicine_code: input.medicineCode,
        lot: input.lot,
        expiry: input.expiry,
        unit_cost: input.unitCost,
        supplier: input.supplier,
        received_on: input.receivedOn,
        quantity: 0,
        created_at: at,
        created_by: ctx.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addMovement(db, {
      batchId: batch.id,
      kind: 'reception',
      quantity: input.quantity,
      reason: null,
      dispensationId: null,
      at,
      login: ctx.login,
    });
    return batch.id;
  });
}

async function lockBatch(ctx: ServiceContext, db: Kysely<Database>, batchId: number): Promise<Selectable<StockBatchTable>> {
  const batch = await ctx.features.forUpdate(db.selectFrom('stock_batch').selectAll().where('id', '=', batchId)).executeTakeFirst();
  if (!batch) throw notFound('Lot introuvable.');
  return batch;
}

/** A physical count: the ledger takes the difference, so the balance becomes what was counted. */
export async function countBatch(ctx: ServiceContext, input: { batchId: number; counted: number; reason?: string }): Promise<number> {
  return inTransaction(ctx.db, async (db) => {
    const batch = await lockBatch(ctx, db, input.batchId);
    const reason = input.reason?.trim() || 'Inventaire';
    await addMovement(db, {
      batchId: batch.id,
      kind: 'inventaire',
      quantity: input.counted - batch.quantity,
      reason,
      dispensationId: null,
      at: isoNow(ctx.clock),
      login: ctx.login,
    });
    return input.counted - batch.quantity;
  });
}

/** Units lost, broken, destroyed (expired) or found, with the reason. */
export async function adjustBatch(ctx: ServiceContext, input: { batchId: number; quantity: number; reason: string }): Promise<void> {
  await inTransaction(ctx.db, async (db) => {
    const batch = await lockBatch(ctx, db, input.batchId);
    if (batch.quantity + input.quantity < 0) {
      throw fieldError(
        'quantity',
        `Le lot ${batch.lot} ne contient que ${batch.quantity} unité(s) : impossible d’en retirer ${-input.quantity}.`,
      );
    }
    await addMovement(db, {
      batchId: batch.id,
      kind: 'ajustement',
      quantity: input.quantity,
      reason: input.reason,
      dispensationId: null,
      at: isoNow(ctx.clock),
      login: ctx.login,
    });
  });
}

export async function setThreshold(ctx: ServiceContext, input: { medicineCode: string; threshold: number }): Promise<void> {
  if (!(await medicineInForce(ctx.db, input.medicineCode, isoToday(ctx.clock))))
    throw fieldError('medicineCode', 'Ce médicament n’est pas sur la liste en vigueur.');
  await ctx.db
    .insertInto('stock_threshold')
    .values({ medicine_code: input.medicineCode, threshold: input.threshold, set_at: isoNow(ctx.clock), set_by: ctx.login })
    .execute();
}

/** The threshold in force per medicine: the latest row. */
async function thresholds(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('stock_threshold').select(['medicine_code', 'threshold']).orderBy('id').execute();
  return new Map(rows.map((r) => [r.medicine_code, r.threshold]));
}

function batchState(expiry: string, today: string): BatchView['state'] {
  if (!isUsable(expiry, today)) return 'perime';
  return expiry <= addDays(today, EXPIRY_WARNING_DAYS) ? 'bientot' : 'ok';
}

/** The batches held (`withEmpty`: and those used up), by medicine then expiry, each with its state today. */
export async function listBatches(ctx: ServiceContext, options: { withEmpty: boolean }): Promise<BatchView[]> {
  const { db } = ctx;
  const today = isoToday(ctx.clock);
  let query = db.selectFrom('stock_batch').selectAll().orderBy('medicine_code').orderBy('expiry').orderBy('id');
  if (!options.withEmpty) query = query.where('quantity', '>', 0);
  const [rows, names] = await Promise.all([query.execute(), medicineNames(db)]);
  return rows.map((r) => {
    const name = names.get(r.medicine_code);
    return {
      id: r.id,
      medicineCode: r.medicine_code,
      dci: name?.dci ?? r.medicine_code,
      form: name?.form ?? '',
      strength: name?.strength ?? '',
      lot: r.lot,
      expiry: r.expiry,
      unitCost: r.unit_cost,
      supplier: r.supplier,
      receivedOn: r.received_on,
      quantity: r.quantity,
      state: batchState(r.expiry, today),
    };
  });
}

export async function listMovements(
  { db }: ServiceContext,
  filter: { batchId?: number | undefined; from?: string | undefined; to?: string | undefined },
): Promise<MovementView[]> {
  let query = db
    .selectFrom('stock_movement as m')
    .innerJoin('stock_batch as b', 'b.id', 'm.batch_id')
    .selectAll('m')
    .select(['b.medicine_code', 'b.lot'])
    .orderBy('m.id', 'desc')
    .limit(2000);
  if (filter.batchId !== undefined) query = query.where('m.batch_id', '=', filter.batchId);
  if (filter.from) query = query.where('m.at', '>=', filter.from);
  if (filter.to) query = query.where('m.at', '<', addDays(filter.to, 1));
  const [rows, names] = await Promise.all([query.execute(), medicineNames(db)]);
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    medicineCode: r.medicine_code,
    dci: names.get(r.medicine_code)?.dci ?? r.medicine_code,
    lot: r.lot,
    kind: r.kind,
    quantity: r.quantity,
    balance: r.balance,
    reason: r.reason,
    at: r.at,
    byLogin: r.by_login,
  }));
}

/** Every medicine of the list in force with what may be dispensed of it today. */
export async function stockItems(ctx: ServiceContext): Promise<StockItem[]> {
  const { db } = ctx;
  const today = isoToday(ctx.clock);
  const [medicines, batches, limits, offList] = await Promise.all([
    listMedicinesInForce(db, today),
    db.selectFrom('stock_batch').selectAll().where('quantity', '>', 0).execute(),
    thresholds(db),
    getSetting(db, 'pharmacy.offListMedicines'),
  ]);
  return medicines.map((m) => {
    const own = batches.filter((b) => b.medicine_code === m.code);
    const usable = fefoOrder(
      own.map((b) => ({ ...b, receivedOn: b.received_on })),
      today,
    );
    const next = usable[0];
    return {
      medicineCode: m.code,
      dci: m.dci,
      form: m.form,
      strength: m.strength,
      unit: m.unit,
      price: m.price,
      usable: usable.reduce((sum, b) => sum + b.quantity, 0),
      expired: own.filter((b) => !isUsable(b.expiry, today)).reduce((sum, b) => sum + b.quantity, 0),
      threshold: limits.get(m.code) ?? null,
      nextBatch: next ? { id: next.id, lot: next.lot, expiry: next.expiry, quantity: next.quantity } : null,
      offList: m.essential ? null : offList,
    };
  });
}

/** Below the reorder threshold (usable units), expiring within 90 days, and expired but still held. */
export async function stockAlerts(ctx: ServiceContext): Promise<StockAlert[]> {
  const [items, batches] = await Promise.all([stockItems(ctx), listBatches(ctx, { withEmpty: false })]);
  const low: StockAlert[] = items
    .filter((i) => i.threshold !== null && i.usable < i.threshold)
    .map((i) => ({
      kind: 'sous_seuil',
      medicineCode: i.medicineCode,
      dci: i.dci,
      quantity: i.usable,
      threshold: i.threshold,
      lot: null,
      expiry: null,
    }));
  const dated: StockAlert[] = batches
    .filter((b) => b.state !== 'ok')
    .map((b) => ({
      kind: b.state === 'perime' ? 'perime' : 'bientot_perime',
      medicineCode: b.medicineCode,
      dci: b.dci,
      quantity: b.quantity,
      threshold: null,
      lot: b.lot,
      expiry: b.expiry,
    }));
  return [...dated.filter((a) => a.kind === 'perime'), ...low, ...dated.filter((a) => a.kind === 'bientot_perime')];
}
