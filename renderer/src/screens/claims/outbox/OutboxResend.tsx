import type { OutboxMessageView, OutboxRetryAllReport } from '../../../../../shared/domain/outbox';
import type { ApiError } from '../../../../../shared/contract/result';
import { OutcomeBanner } from '../../../components/OutcomeBanner';
import { formatNumber } from '../../../lib/format';
import { ReasonForm } from '../ReasonForm';

/** Where a resend stands: the reason asked (one message or all the abandoned), then its outcome. */
export type Resend =
  | { step: 'ask'; message: OutboxMessageView }
  | { step: 'done'; message: OutboxMessageView }
  | { step: 'ask-all' }
  | { step: 'done-all'; report: OutboxRetryAllReport };

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

interface Props {
  resend: Resend;
  abandoned: number;
  pending: boolean;
  error: ApiError | null;
  onRetry(message: OutboxMessageView, reason: string): void;
  onRetryAll(reason: string): void;
  onCancel(): void;
}

/** The resend in progress: the reason asked, or what it did. */
export function OutboxResend({ resend, abandoned, pending, error, onRetry, onRetryAll, onCancel }: Props) {
  const all = formatNumber(abandoned);
  switch (resend.step) {
    case 'ask-all':
      return (
        <ReasonForm
          title={`Renvoyer ${plural(abandoned, 'la réclamation abandonnée', `les ${all} réclamations abandonnées`)} ? Elles repartent pour une nouvelle série d’essais, avec le même motif ; les échecs passés restent enregistrés. Les réclamations remplacées par une version plus récente ne partent jamais.`}
          label="Motif du renvoi"
          placeholder="ex. Connexion à l’ANAM rétablie après la coupure"
          confirm={plural(abandoned, 'Renvoyer', `Renvoyer les ${all}`)}
          pending={pending}
          error={error}
          onSubmit={onRetryAll}
          onCancel={onCancel}
        />
      );
    case 'done-all': {
      const n = resend.report.requeued;
      return (
        <OutcomeBanner tone={n > 0 ? 'ok' : 'warn'}>
          {n === 0
            ? 'Aucune réclamation abandonnée à renvoyer : elles ont peut-être déjà été remises dans la file depuis un autre poste.'
            : `${formatNumber(n)} réclamation${n > 1 ? 's' : ''} remise${n > 1 ? 's' : ''} dans la file d’envoi : elles partent au prochain envoi (ou tout de suite avec « Envoyer maintenant »).`}
        </OutcomeBanner>
      );
    }
    case 'ask':
      return (
        <ReasonForm
          key={resend.message.id}
          title={`Renvoyer la réclamation ${resend.message.claim}, abandonnée après ${formatNumber(resend.message.attempts)} tentatives ? Elle repart pour une nouvelle série d’essais ; les échecs passés restent enregistrés.`}
          label="Motif du renvoi"
          placeholder="ex. Connexion à l’ANAM rétablie"
          confirm="Renvoyer"
          pending={pending}
          error={error}
          onSubmit={(reason) => onRetry(resend.message, reason)}
          onCancel={onCancel}
        />
      );
    case 'done':
      return (
        <OutcomeBanner key={resend.message.id} tone="ok">
          Réclamation {resend.message.claim} remise dans la file d’envoi : elle part au prochain envoi (ou tout de suite avec « Envoyer
          maintenant »).
        </OutcomeBanner>
      );
  }
}
