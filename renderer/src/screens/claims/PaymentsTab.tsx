import { useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatFcfa } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { payableClaims } from './AllocationRows';
import { PaymentForm } from './PaymentForm';
import { AllocateForm } from './payments/AllocateForm';
import { paymentColumns, type PaymentAction } from './payments/payment-columns';
import { ReasonForm } from './ReasonForm';

/** The ANAM's payments: record one with its allocation, allocate what is left, cancel one recorded by mistake. */
export function PaymentsTab() {
  const [action, setAction] = useState<PaymentAction | null>(null);
  const list = useQuery('payments.list', {});
  const claimList = useQuery('claims.list', {});
  const cancel = useCommand('payments.cancel');
  const payments = list.data;
  const claims = useMemo(() => payableClaims(claimList.data ?? []), [claimList.data]);
  const reload = () => {
    list.reload();
    claimList.reload();
  };

  const columns = useMemo(() => paymentColumns(setAction), []);

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
            pending={cancel.running}
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
