import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ClaimListRow } from '../../../../shared/domain/claim-responses';
import type { PaymentView } from '../../../../shared/domain/payments';
import type { ApiError } from '../../../../shared/contract/result';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { formatDate, formatDateTime, formatFcfa, formatMonth } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { AllocationRows, allocationsOf, payableClaims, type AllocationDraft } from './AllocationRows';
import { PaymentForm } from './PaymentForm';
import { ReasonForm } from './ReasonForm';

type Action = { kind: 'allocate' | 'cancel'; payment: PaymentView };

/** Allocates what is left of a payment. */
function AllocateForm({
  payment,
  claims,
  onDone,
  onCancel,
}: {
  payment: PaymentView;
  claims: readonly ClaimListRow[];
  onDone(): void;
  onCancel(): void;
}) {
  const [rows, setRows] = useState<AllocationDraft[]>([{ claimId: null, amount: '' }]);
  const [local, setLocal] = useState<ApiError | null>(null);
  const allocate = useCall(ramed.payments.allocate);
  const error = local ?? allocate.error;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setLocal(null);
    const allocations = allocationsOf(rows, claims);
    if (!allocations.ok)
      return setLocal({ code: 'INVALID_INPUT', message: allocations.message, fields: { [allocations.field]: allocations.message } });
    if (await allocate.run({ paymentId: payment.id, allocations: allocations.value })) onDone();
  }
  return (
    <form className="cancel-line" onSubmit={(e) => void submit(e)} noValidate aria-label={`Répartir le paiement ${payment.reference}`}>
      <p>
        Répartir les {formatFcfa(payment.unallocated)} restants du paiement {payment.reference} du {formatDate(payment.paidOn)}
      </p>
      <AllocationRows claims={claims} rows={rows} onChange={setRows} errors={error?.fields} available={payment.unallocated} />
      {error && !Object.keys(error.fields ?? {}).some((k) => k.startsWith('allocations')) ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={allocate.pending}>
          Répartir
        </button>
        <button type="button" onClick={onCancel}>
          Renoncer
        </button>
      </div>
    </form>
  );
}

/** The ANAM's payments: record one with its allocation, allocate what is left, cancel one recorded by mistake. */
export function PaymentsTab() {
  const [payments, setPayments] = useState<PaymentView[] | null>(null);
  const [claims, setClaims] = useState<ClaimListRow[]>([]);
  const [action, setAction] = useState<Action | null>(null);
  const list = useCall(ramed.payments.list);
  const claimList = useCall(ramed.claims.list);
  const cancel = useCall(ramed.payments.cancel);
  const [runList, runClaims] = [list.run, claimList.run];
  const reload = useCallback(() => {
    void runList({}).then((v) => v && setPayments(v));
    void runClaims({}).then((v) => v && setClaims(payableClaims(v)));
  }, [runList, runClaims]);
  useEffect(reload, [reload]);

  const columns: DataColumn<PaymentView>[] = [
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
      render: (p) =>
        p.cancelled ? null : (
          <div className="row-actions">
            {p.unallocated > 0 ? (
              <button type="button" className="small-button" onClick={() => setAction({ kind: 'allocate', payment: p })}>
                Répartir le reste…
              </button>
            ) : null}
            <button type="button" className="small-button" onClick={() => setAction({ kind: 'cancel', payment: p })}>
              Annuler…
            </button>
          </div>
        ),
      width: '10rem',
    },
  ];

  async function confirmCancel(reason: string) {
    if (!action) return;
    if (await cancel.run({ paymentId: action.payment.id, reason })) {
      setAction(null);
      reload();
    }
  }

  return (
    <div className="stack">
      <PaymentForm claims={claims} onSaved={reload} />
      <section className="card" aria-labelledby="payments-list">
        <h2 id="payments-list">Paiements reçus</h2>
        <ErrorBanner error={list.error ?? claimList.error} />
        {action?.kind === 'allocate' ? (
          <AllocateForm
            key={action.payment.id}
            payment={action.payment}
            claims={claims}
            onCancel={() => setAction(null)}
            onDone={() => {
              setAction(null);
              reload();
            }}
          />
        ) : null}
        {action?.kind === 'cancel' ? (
          <ReasonForm
            key={action.payment.id}
            title={`Annuler le paiement ${action.payment.reference} de ${formatFcfa(action.payment.amount)} (il reste enregistré, avec le motif)`}
            label="Motif de l’annulation"
            placeholder="ex. Chèque rejeté par la banque"
            confirm="Annuler le paiement"
            pending={cancel.pending}
            error={cancel.error}
            onSubmit={(reason) => void confirmCancel(reason)}
            onCancel={() => setAction(null)}
          />
        ) : null}
        <DataTable
          label="Paiements de l’ANAM"
          rows={payments ?? []}
          columns={columns}
          rowKey={(p) => String(p.id)}
          csvName="paiements-anam.csv"
          empty={payments ? 'Aucun paiement enregistré.' : 'Chargement…'}
        />
      </section>
    </div>
  );
}
