import { useState, type FormEvent } from 'react';
import type { ClaimListRow } from '../../../../shared/domain/claim-responses';
import type { ApiError } from '../../../../shared/contract/result';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useCommand } from '../../lib/useCommand';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';
import { AllocationRows, allocationsOf, parseFcfa, type AllocationDraft } from './AllocationRows';

/** Records a payment of the ANAM (as its notice or the bank says) and how it splits over the claims. */
export function PaymentForm({ claims, onSaved }: { claims: readonly ClaimListRow[]; onSaved(): void }) {
  const [paidOn, setPaidOn] = useState(today);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<AllocationDraft[]>([]);
  const [local, setLocal] = useState<ApiError | null>(null);
  const add = useCommand('payments.add');
  const error = local ?? add.error;
  const fields = error?.fields;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLocal(null);
    if (focusUnreadField(event.currentTarget)) return;
    const value = parseFcfa(amount);
    if (value === null || value === 0) {
      return setLocal({
        code: 'INVALID_INPUT',
        message: 'Montant du paiement invalide.',
        fields: { amount: 'Montant en FCFA entiers, supérieur à 0' },
      });
    }
    const allocations = allocationsOf(rows, claims);
    if (!allocations.ok)
      return setLocal({ code: 'INVALID_INPUT', message: allocations.message, fields: { [allocations.field]: allocations.message } });
    const saved = await add.run({ paidOn, amount: value, reference, ...(note.trim() ? { note } : {}), allocations: allocations.value });
    if (!saved) return;
    setAmount('');
    setReference('');
    setNote('');
    setRows([]);
    onSaved();
  }

  const handled = ['paidOn', 'amount', 'reference', 'note', 'allocations'];
  const other = error && !Object.keys(fields ?? {}).some((k) => handled.some((h) => k.startsWith(h)));
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label="Enregistrer un paiement">
      <h2>Enregistrer un paiement de l’ANAM</h2>
      <div className="payment-fields">
        <DateField label="Payé le" value={paidOn} onChange={setPaidOn} error={fields?.paidOn} required />
        <Field
          label="Montant (FCFA)"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fields?.amount}
          required
        />
        <Field
          label="Référence (virement, chèque, avis)"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={fields?.reference}
          placeholder="ex. VIR-ANAM-2026-0142"
          maxLength={60}
          required
        />
        <Field label="Note (facultative)" value={note} onChange={(e) => setNote(e.target.value)} error={fields?.note} maxLength={300} />
      </div>
      <AllocationRows claims={claims} rows={rows} onChange={setRows} errors={fields} available={parseFcfa(amount)} />
      {other ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.running}>
          Enregistrer le paiement
        </button>
      </div>
    </form>
  );
}
