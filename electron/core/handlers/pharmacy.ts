import type { pharmacyApi } from '../../../shared/api/pharmacy';
import { isoToday } from '../clock';
import type { HandlerContext } from '../context';
import { notFound } from '../errors';
import { cancelDispensation, dispense } from '../pharmacy/dispense';
import { episodePharmacy, findEpisodes } from '../pharmacy/episodes';
import { episodeLines } from '../pharmacy/lines';
import { unmetReport } from '../pharmacy/report';
import {
  adjustBatch,
  countBatch,
  listBatches,
  listMovements,
  receiveBatch,
  setThreshold,
  stockAlerts,
  stockItems,
} from '../pharmacy/stock';
import type { Handlers } from './types';

const today = (ctx: HandlerContext) => isoToday(ctx.clock);

async function batchView(ctx: HandlerContext, batchId: number) {
  const batch = (await listBatches(ctx.db, today(ctx), { withEmpty: true })).find((b) => b.id === batchId);
  if (!batch) throw notFound('Lot introuvable.');
  ctx.audit.entityId = `${batch.medicineCode}/${batch.lot}`;
  return batch;
}

export const pharmacyHandlers: Handlers<typeof pharmacyApi> = {
  'pharmacy.findEpisodes': async (input, ctx) => findEpisodes(ctx.db, input.reference, today(ctx)),
  'pharmacy.episode': async (input, ctx) => episodePharmacy(ctx.db, input.episodeId, today(ctx)),
  'pharmacy.stockItems': async (_input, ctx) => stockItems(ctx.db, today(ctx)),
  'pharmacy.dispense': async (input, ctx) => {
    const result = await dispense(ctx, input);
    const episode = await episodePharmacy(ctx.db, input.episodeId, today(ctx));
    ctx.audit.entityId = episode.episode.number;
    ctx.audit.detail = {
      lines: result.lines.map((l) => ({ id: l.id, batchId: l.batchId, quantity: l.quantity })),
      ...(input.batchId !== undefined ? { fefoOverride: { batchId: input.batchId, reason: input.overrideReason } } : {}),
      ...(result.unmet ? { unmet: result.unmet.unmet } : {}),
      ...(result.lines[0]?.offListReason ? { offListReason: result.lines[0].offListReason } : {}),
    };
    return result;
  },
  'pharmacy.cancel': async (input, ctx) => {
    const id = await cancelDispensation(ctx, input);
    const line = await ctx.db.selectFrom('dispensation').select('episode_id').where('id', '=', id).executeTakeFirstOrThrow();
    const lines = await episodeLines(ctx.db, line.episode_id);
    ctx.audit.detail = { cancellationId: id };
    return lines.find((l) => l.id === id)!;
  },
  'pharmacy.batches': async (input, ctx) => listBatches(ctx.db, today(ctx), input),
  'pharmacy.movements': async (input, ctx) => listMovements(ctx.db, input),
  'pharmacy.receive': async (input, ctx) => batchView(ctx, await receiveBatch(ctx, input)),
  'pharmacy.count': async (input, ctx) => {
    const difference = await countBatch(ctx, input);
    ctx.audit.detail = { difference };
    return batchView(ctx, input.batchId);
  },
  'pharmacy.adjust': async (input, ctx) => {
    await adjustBatch(ctx, input);
    return batchView(ctx, input.batchId);
  },
  'pharmacy.setThreshold': async (input, ctx) => {
    await setThreshold(ctx, input);
    ctx.audit.entityId = input.medicineCode;
    return (await stockItems(ctx.db, today(ctx))).find((i) => i.medicineCode === input.medicineCode)!;
  },
  'pharmacy.alerts': async (_input, ctx) => stockAlerts(ctx.db, today(ctx)),
  'pharmacy.unmetReport': async (input, ctx) => unmetReport(ctx.db, input.month, today(ctx)),
  // jsPDF loads with the first PDF, not at every start.
  'pharmacy.stockReport': async (_input, ctx) => (await import('../pharmacy/report-pdf')).stockReportPdf(ctx),
};
