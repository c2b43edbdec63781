import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract';
import type { OutboxStatusView } from '../domain/outbox';

export interface OutboxSendReport {
  configured: boolean;
  attempted: number;
  delivered: number;
  failed: number;
  pending: number;
}

export const outboxApi = {
  /** The upload queue: counts for the status bar, and every message with its attempts and last error. */
  'outbox.status': defineMethod({
    input: z.strictObject({}),
    output: returns<OutboxStatusView>(),
    access: 'any',
    kind: 'query',
  }),
  /** Sends the due messages now; `untilEmpty` waits for each retry until nothing is pending (or cancelled). */
  'outbox.send': defineMethod({
    input: z.strictObject({ untilEmpty: z.boolean().optional(), jobId }),
    output: returns<OutboxSendReport>(),
    access: ['gestionnaire', 'admin'],
    kind: 'command',
    entity: 'outbox',
    ownTransactions: true,
  }),
};
