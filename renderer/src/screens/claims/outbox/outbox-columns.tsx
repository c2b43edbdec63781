import type { OutboxMessageView } from '../../../../../shared/domain/outbox';
import { OUTBOX_STATUS_LABELS } from '../../../../../shared/domain/outbox';
import type { DataColumn } from '../../../components/DataTable';
import { formatDateTime, formatNumber } from '../../../lib/format';

/** The message's state in words: the database's status, told apart when exported or replaced. */
function stateOf(m: OutboxMessageView): string {
  if (m.supersededByVersion) return `Remplacée par la v${m.supersededByVersion}`;
  if (m.status === 'en_attente' && m.exportedAt) return 'Exportée sur clé, sans réponse';
  return OUTBOX_STATUS_LABELS[m.status];
}

const BADGE = (m: OutboxMessageView) =>
  m.status === 'livre'
    ? 'badge badge-claim-acceptee'
    : m.supersededByVersion
      ? 'badge badge-claim-brouillon'
      : m.status === 'echec'
        ? 'badge badge-claim-rejetee'
        : 'badge badge-claim-envoyee';

/** Abandoned after its attempts ran out; a replaced message must never leave. */
const canRetry = (m: OutboxMessageView) => m.status === 'echec' && !m.supersededByVersion;

/** The queue's table: one row a signed version, its state, attempts, last error and the resend button. */
export function outboxColumns(onRetry: (m: OutboxMessageView) => void): DataColumn<OutboxMessageView>[] {
  return [
    {
      key: 'claim',
      header: 'Réclamation (mois, version, épisode)',
      value: (m) => m.claim,
      render: (m) => <span className="mono">{m.claim}</span>,
      width: '17rem',
    },
    { key: 'state', header: 'État', value: stateOf, render: (m) => <span className={BADGE(m)}>{stateOf(m)}</span>, width: '13.5rem' },
    {
      key: 'attempts',
      header: 'Tentatives',
      value: (m) => m.attempts,
      kind: 'number',
      render: (m) => (
        <>
          {formatNumber(m.attempts)}
          {m.retries > 0 ? <small className="line-note">{m.retries === 1 ? '1 renvoi' : `${m.retries} renvois`}</small> : null}
        </>
      ),
      width: '7rem',
    },
    {
      key: 'lastError',
      header: 'Dernière erreur',
      value: (m) => m.lastError,
      render: (m) => <span className="wrap">{m.lastError ?? '—'}</span>,
    },
    {
      key: 'when',
      header: 'Reçue / prochain essai',
      value: (m) => m.deliveredAt ?? m.nextAttemptAt,
      render: (m) =>
        m.deliveredAt ? `reçue le ${formatDateTime(m.deliveredAt)}` : m.nextAttemptAt ? `essai le ${formatDateTime(m.nextAttemptAt)}` : '—',
      width: '12rem',
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      value: () => null,
      render: (m) =>
        canRetry(m) ? (
          <button type="button" className="small-button" onClick={() => onRetry(m)} aria-label={`Renvoyer la réclamation ${m.claim}`}>
            Renvoyer…
          </button>
        ) : null,
      width: '7.5rem',
    },
  ];
}
