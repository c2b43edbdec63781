import type { OutboxStatusView } from '../../../../../shared/domain/outbox';
import { formatDateTime, formatNumber } from '../../../lib/format';

/** The queue in figures: waiting, on a USB key, received, abandoned, replaced, last success. */
export function OutboxFigures({ status, waiting }: { status: OutboxStatusView; waiting: number }) {
  return (
    <dl className="claim-figures">
      <div>
        <dt>En attente d’envoi</dt>
        <dd className={waiting > 0 ? 'state-bad' : undefined}>{formatNumber(waiting)}</dd>
      </div>
      <div>
        <dt>Sur clé USB, sans réponse</dt>
        <dd>{formatNumber(status.exported)}</dd>
      </div>
      <div>
        <dt>Reçues par l’ANAM</dt>
        <dd className="state-ok">{formatNumber(status.delivered)}</dd>
      </div>
      <div>
        <dt>Abandonnées</dt>
        <dd className={status.failed > 0 ? 'state-bad' : undefined}>{formatNumber(status.failed)}</dd>
      </div>
      <div>
        <dt>Remplacées</dt>
        <dd>{formatNumber(status.superseded)}</dd>
      </div>
      <div>
        <dt>Dernier envoi réussi</dt>
        <dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'aucun'}</dd>
      </div>
    </dl>
  );
}
