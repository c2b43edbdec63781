/** The upload queue to the ANAM (interfaces.md, `ramed outbox status --json`). */
export type OutboxMessageStatus = 'en_attente' | 'livre' | 'echec';

export const OUTBOX_STATUS_LABELS: Record<OutboxMessageStatus, string> = {
  en_attente: 'En attente d’envoi',
  livre: 'Reçue par l’ANAM',
  echec: 'Abandonnée après trop d’échecs',
};

export interface OutboxMessageView {
  /** The message's number (`ramed outbox retry ID`). */
  id: number;
  /** `YYYY-MM vN EPISODE`: the month, the signed version and the episode the Claim covers. */
  claim: string;
  key: string;
  status: OutboxMessageStatus;
  /** Every attempt since it was queued, those of earlier series included. */
  attempts: number;
  /** Times a manager put it back in the queue after it was abandoned. */
  retries: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** Written to a folder for a USB key (still awaiting the ANAM's answer). */
  exportedAt: string | null;
  /** The newer version that replaced this message before it left (it is `echec` and never sent). */
  supersededByVersion: number | null;
}

/** The counts the status bar shows. */
export interface OutboxSummary {
  /** Waiting to be sent, counting those exported for a USB key. */
  pending: number;
  /** Of the pending, those exported for a USB key and not yet acknowledged. */
  exported: number;
  delivered: number;
  /** Given up after too many failures (superseded ones are not counted). */
  failed: number;
  /** Replaced by a newer version before they left: never sent. */
  superseded: number;
  lastSuccessAt: string | null;
}

export interface OutboxStatusView extends OutboxSummary {
  messages: OutboxMessageView[];
}

/** What `outbox.retryAll` put back in the queue (0: nothing was abandoned, or another desk was first). */
export interface OutboxRetryAllReport {
  requeued: number;
  /** The messages requeued, in the order of the queue. */
  messageIds: number[];
}

export interface OutboxExportReport {
  /** The folder created for this export (inside the one chosen). */
  folder: string;
  files: number;
  manifestSha256: string;
}

export interface OutboxSendReport {
  configured: boolean;
  attempted: number;
  delivered: number;
  failed: number;
  pending: number;
}
