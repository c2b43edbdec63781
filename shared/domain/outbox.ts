/** The upload queue to the ANAM (interfaces.md, `ramed outbox status --json`). */
export type OutboxMessageStatus = 'en_attente' | 'livre' | 'echec';

export const OUTBOX_STATUS_LABELS: Record<OutboxMessageStatus, string> = {
  en_attente: 'En attente d’envoi',
  livre: 'Reçue par l’ANAM',
  echec: 'Abandonnée après trop d’échecs',
};

export interface OutboxMessageView {
  /** `YYYY-MM vN EPISODE`: the month, the signed version and the episode the Claim covers. */
  claim: string;
  key: string;
  status: OutboxMessageStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface OutboxStatusView {
  pending: number;
  delivered: number;
  failed: number;
  lastSuccessAt: string | null;
  messages: OutboxMessageView[];
}
