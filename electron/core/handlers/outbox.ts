import type { outboxApi } from '../../../shared/api/outbox';
import { exportPending } from '../outbox/export-folder';
import { retryAllAbandoned, retryMessage } from '../outbox/retry';
import { sendQueue } from '../outbox/send-queue';
import { outboxStatus } from '../outbox/status';
import { outboxSummary } from '../outbox/summary';
import { workerName } from '../outbox/worker';
import type { Handlers } from './types';
import { wakeOutboxAfterCommit } from './wake-outbox';

export const outboxHandlers: Handlers<typeof outboxApi> = {
  'outbox.status': async (_input, ctx) => outboxStatus(ctx),
  'outbox.send': async (input, ctx) => {
    const sender = { ...ctx, random: Math.random, fetch, worker: workerName(ctx.actor?.login ?? 'manuel') };
    const report = await sendQueue(sender, { untilEmpty: input.untilEmpty ?? false, signal: ctx.signal, progress: ctx.progress });
    ctx.audit.detail = { ...report };
    return report;
  },
  'outbox.summary': async (_input, ctx) => outboxSummary(ctx),
  'outbox.export': async (input, ctx) => {
    const report = await exportPending(ctx, input);
    ctx.audit.entityId = report.folder;
    ctx.audit.detail = { files: report.files, manifestSha256: report.manifestSha256 };
    return report;
  },
  'outbox.retry': async (input, ctx) => {
    const view = await retryMessage(ctx, input);
    ctx.audit.entityId = String(input.messageId);
    ctx.audit.detail = { claim: view.claim, key: view.key, attemptsBefore: view.attempts };
    wakeOutboxAfterCommit(ctx);
    return view;
  },
  'outbox.retryAll': async (input, ctx) => {
    const report = await retryAllAbandoned(ctx, input);
    ctx.audit.detail = { ...report };
    if (report.requeued > 0) wakeOutboxAfterCommit(ctx);
    return report;
  },
};
