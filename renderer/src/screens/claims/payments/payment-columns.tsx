import type { PaymentView } from '../../../../../shared/domain/payments';
import type { DataColumn } from '../../../components/DataTable';
import { formatDate, formatDateTime, formatFcfa, formatMonth } from '../../../lib/format';

/** What the manager is about to do to a payment: allocate what is left, or cancel it. */
export type PaymentAction = { kind: 'allocate' | 'cancel'; payment: PaymentView };

function PaymentActions({ payment, onAction }: { payment: PaymentView; onAction: (action: PaymentAction) => void }) {
  return (
    <div className="row-actions">
      {payment.unallocated > 0 ? (
        <button type="button" className="small-button" onClick={() => onAction({ kind: 'allocate', payment })}>
          Répartir le reste…
        </button>
      ) : null}
      <button type="button" className="small-button" onClick={() => onAction({ kind: 'cancel', payment })}>
        Annuler…
      </button>
    </div>
  );
}

/** The payments' table: date, reference and note, amount, what is left, the claims paid, state, actions. */
export function paymentColumns(onAction: (action: PaymentAction) => void): DataColumn<PaymentView>[] {
  return [
    { key: 'paidOn', header: 'Payé le', value: (p) => p.paidOn, render: (p) => formatDate(p.paidOn), width: '7.5rem' },
    {
      key: 'reference',
      header: 'Référence',
      value: (p) => [p.reference, p.note].filter(Boolean).join(' – '),
      render: (p) => (
        <>
          <span className={p.cancelled ? 'struck' : undefined}>{p.reference}</span>
          {p.note ? <small className="line-note">{p.note}</small> : null}
          <small className="line-note">
            saisi le {formatDateTime(p.recordedAt)} par {p.recordedBy}
          </small>
        </>
      ),
    },
    {
      key: 'amount',
      header: 'Montant',
      value: (p) => (p.cancelled ? 0 : p.amount),
      render: (p) => formatFcfa(p.amount),
      kind: 'money',
      total: true,
      width: '9rem',
    },
    {
      key: 'unallocated',
      header: 'À répartir',
      value: (p) => (p.cancelled ? 0 : p.unallocated),
      kind: 'money',
      total: true,
      width: '8.5rem',
    },
    {
      key: 'claims',
      header: 'Réclamations',
      value: (p) => p.allocations.map((a) => `${a.month} v${a.version} : ${a.amount}`).join(' ; ') || null,
      render: (p) =>
        p.allocations.length > 0
          ? p.allocations.map((a) => (
              <div key={a.id} className="nowrap">
                {formatMonth(a.month)} v{a.version} : {formatFcfa(a.amount)}
              </div>
            ))
          : '—',
      width: '15rem',
    },
    {
      key: 'state',
      header: 'État',
      value: (p) => (p.cancelled ? `Annulé : ${p.cancelled.reason}` : 'Enregistré'),
      render: (p) =>
        p.cancelled ? (
          <>
            <span className="badge badge-claim-rejetee">Annulé</span>
            <small className="line-note">{p.cancelled.reason}</small>
          </>
        ) : (
          <span className="badge badge-claim-acceptee">Enregistré</span>
        ),
      width: '9rem',
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      value: () => null,
      render: (p) => (p.cancelled ? null : <PaymentActions payment={p} onAction={onAction} />),
      width: '10rem',
    },
  ];
}
