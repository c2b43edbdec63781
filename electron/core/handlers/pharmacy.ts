import type { pharmacyApi } from '../../../shared/api/pharmacy';
import type { HandlerContext } from '../context';
import { notFound } from '../errors';
import { cancelDispensation, dispense } from '../pharmacy/dispense';
import { episodePharmacy, findEpisodes } from '../pharmacy/episodes';
import { dispensedLine } from '../pharmacy/lines';
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

async function batchView(ctx: HandlerContext, batchId: number) {
  const batch = (await listBatches(ctx, { withEmpty: true })).find((b) => b.id === batchId);
  if (!batch) throw notFound('Lot introuvable.');
  ctx.audit.entityId = `${batch.medicineCode}/${batch.lot}`;
  return batch;
}

export const pharmacyHandlers: Handlers<typeof pharmacyApi> = {
  'pharmacy.findEpisodes': async (input, ctx) => findEpisodes(ctx, input),
  'pharmacy.episode': async (input, ctx) => episodePharmacy(ctx, input),
  'pharmacy.stockItems': async (_input, ctx) => stockItems(ctx),
  'pharmacy.dispense': async (input, ctx) => {
    const result = await dispense(ctx, input);
    const episode = await episodePharmacy(ctx, input);
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
    const line = await dispensedLine(ctx, id);
    ctx.audit.detail = { cancellationId: id };
    return line;
  },
  'pharmacy.batches': async (input, ctx) => listBatches(ctx, input),
  'pharmacy.movements': async (input, ctx) => listMovements(ctx, input),
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
    return (await stockItems(ctx)).find((i) => i.medicineCode === input.medicineCode)!;
  },
  'pharmacy.alerts': async (_input, ctx) => stockAlerts(ctx),
  'pharmacy.unmetReport': async (input, ctx) => unmetReport(ctx, input),
  // jsPDF loads with the first PDF, not at every start.
  'pharmacy.stockReport': async (_input, ctx) => (await import('../pharmacy/report-pdf')).stockReportPdf(ctx),
};
