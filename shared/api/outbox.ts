import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract/contract';
import type { OutboxExportReport, OutboxMessageView, OutboxRetryAllReport, OutboxStatusView, OutboxSummary } from '../domain/outbox';
import { type OutboxSendReport } from '../domain/outbox';

const reason = z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins)').max(300, 'Motif : 300 caractères au plus');

export const outboxApi = {
  /** The upload queue: counts for the status bar, and every message with its attempts and last error. */
  'outbox.status': defineMethod({
    input: () => z.strictObject({}),
    output: returns<OutboxStatusView>(),
    access: 'any',
    kind: 'query',
  }),
  /** Sends the due messages now; `untilEmpty` waits for each retry until nothing is pending (or cancelled). */
  'outbox.send': defineMethod({
    input: () => z.strictObject({ untilEmpty: z.boolean().optional(), jobId }),
    output: returns<OutboxSendReport>(),
    access: ['gestionnaire', 'admin'],
    kind: 'command',
    entity: 'outbox',
    ownTransactions: true,
  }),
  /** The counts of the status bar (pending, exported, last success), cheap to ask often. */
  'outbox.summary': defineMethod({
    input: () => z.strictObject({}),
    output: returns<OutboxSummary>(),
    access: 'any',
    kind: 'query',
  }),
  /** Writes the Claims not yet sent to a new folder inside `folder` (a USB key), with a manifest. */
  'outbox.export': defineMethod({
    input: () =>
      z.strictObject({
        folder: z
          .string()
          .trim()
          .min(1, 'Indiquez le dossier (la clé USB)')
          .max(1024, 'Chemin : 1024 caractères au plus')
          .regex(/^([A-Za-z]:[\\/]|\\\\|\/)/, 'Chemin complet attendu (ex. E:\\ANAM ou /media/cle/anam)'),
      }),
    output: returns<OutboxExportReport>(),
    access: ['gestionnaire', 'admin'],
    kind: 'command',
    entity: 'outbox',
  }),
  /**
   * Puts an abandoned message (`echec`) back in the queue once the network or the ANAM is fixed: a
   * new series of attempts, the failed ones kept on record. Refused for any other message.
   */
  'outbox.retry': defineMethod({
    input: () =>
      z.strictObject({
        messageId: z
          .number({ error: 'Indiquez le numéro de la réclamation dans la file' })
          .int()
          .positive('Numéro de réclamation invalide'),
        reason,
      }),
    output: returns<OutboxMessageView>(),
    access: ['gestionnaire', 'admin'],
    kind: 'command',
    entity: 'outbox',
  }),
  /**
   * Puts back in the queue every abandoned message `outbox.retry` would accept (a replaced one never
   * leaves), each requeue recorded with the same reason; answers how many (0 is not an error).
   */
  'outbox.retryAll': defineMethod({
    input: () => z.strictObject({ reason }),
    output: returns<OutboxRetryAllReport>(),
    access: ['gestionnaire', 'admin'],
    kind: 'command',
    entity: 'outbox',
  }),
};
