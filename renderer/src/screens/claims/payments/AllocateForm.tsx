import { useState, type FormEvent } from 'react';
import type { ClaimListRow } from '../../../../../shared/domain/claim-responses';
import type { PaymentView } from '../../../../../shared/domain/payments';
import type { ApiError } from '../../../../../shared/contract/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatFcfa } from '../../../lib/format';
import { useCommand } from '../../../lib/useCommand';
import { AllocationRows, allocationsOf, type AllocationDraft } from '../AllocationRows';

/** Allocates what is left of a payment. */
export function AllocateForm({
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
  const allocate = useCommand('payments.allocate');
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
        <button type="submit" className="primary" disabled={allocate.running}>
          Répartir
        </button>
        <button type="button" onClick={onCancel}>
          Renoncer
        </button>
      </div>
    </form>
  );
}
