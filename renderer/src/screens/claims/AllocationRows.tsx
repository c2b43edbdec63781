import type { ClaimListRow } from '../../../../shared/domain/claim-responses';
import { Field, SelectField } from '../../components/Field';
import { formatFcfa, formatMonth } from '../../lib/format';

/** One allocation being typed: the claim version (by id) and the amount as typed. */
export interface AllocationDraft {
  claimId: number | null;
  amount: string;
}

/** Digits typed with or without spaces (150 000) → integer FCFA; null when it is not one. */
export function parseFcfa(text: string): number | null {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : null;
}

/** The versions a payment can go to: signed, not replaced, with something still to be paid; oldest first. */
export function payableClaims(claims: readonly ClaimListRow[]): ClaimListRow[] {
  return claims
    .filter((c) => c.followUp && c.followUp.outstanding > 0 && !(c.followUp.supersededByVersion && !c.followUp.sentAt))
    .sort((a, b) => a.month.localeCompare(b.month) || a.version - b.version);
}

export const claimLabel = (c: ClaimListRow) => `${formatMonth(c.month)} v${c.version} – reste ${formatFcfa(c.followUp!.outstanding)}`;

/**
 * The allocation of a payment, row by row; `available` is what is left of the payment to allocate.
 * Errors come back from the server by row (`allocations.N.amount`), shown next to the field.
 */
export function AllocationRows({
  claims,
  rows,
  onChange,
  errors,
  available,
}: {
  claims: readonly ClaimListRow[];
  rows: readonly AllocationDraft[];
  onChange(rows: AllocationDraft[]): void;
  errors: Record<string, string> | undefined;
  available: number | null;
}) {
  const set = (i: number, row: Partial<AllocationDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const allocated = rows.reduce((sum, r) => sum + (parseFcfa(r.amount) ?? 0), 0);

  /** Fills the oldest claims first with what is left of the payment. */
  function oldestFirst() {
    if (available === null) return;
    let left = available;
    const filled: AllocationDraft[] = [];
    for (const c of claims) {
      if (left <= 0) break;
      const amount = Math.min(left, c.followUp!.outstanding);
      filled.push({ claimId: c.id, amount: String(amount) });
      left -= amount;
    }
    onChange(filled);
  }

  return (
    <fieldset className="plain allocations">
      <legend>Répartition sur les réclamations</legend>
      {rows.map((r, i) => (
        <div key={i} className="allocation-row">
          <SelectField
            label={`Réclamation ${i + 1}`}
            value={r.claimId === null ? '' : String(r.claimId)}
            onChange={(e) => set(i, { claimId: e.target.value ? Number(e.target.value) : null })}
            error={errors?.[`allocations.${i}.version`]}
            options={[{ value: '', label: 'Choisissez…' }, ...claims.map((c) => ({ value: String(c.id), label: claimLabel(c) }))]}
          />
          <Field
            label="Montant affecté (FCFA)"
            inputMode="numeric"
            value={r.amount}
            onChange={(e) => set(i, { amount: e.target.value })}
            error={
              errors?.[`allocations.${i}.amount`] ??
              (r.amount.trim() && parseFcfa(r.amount) === null ? 'Montant en FCFA entiers' : undefined)
            }
          />
          <button
            type="button"
            className="link"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Retirer la réclamation ${i + 1}`}
          >
            Retirer
          </button>
        </div>
      ))}
      <div className="form-actions">
        <button type="button" onClick={() => onChange([...rows, { claimId: null, amount: '' }])} disabled={claims.length === 0}>
          Ajouter une réclamation
        </button>
        <button type="button" onClick={oldestFirst} disabled={available === null || available <= 0 || claims.length === 0}>
          Répartir sur les plus anciennes
        </button>
        <span className={available !== null && allocated > available ? 'state-bad' : 'muted'}>
          Réparti : {formatFcfa(allocated)}
          {available !== null ? ` sur ${formatFcfa(available)}` : ''}
        </span>
      </div>
      {errors?.allocations ? <small className="field-error">{errors.allocations}</small> : null}
      {claims.length === 0 ? <p className="muted small">Aucune réclamation signée n’attend de paiement.</p> : null}
    </fieldset>
  );
}

/** The drafts as the contract takes them, or the first row that is not complete. */
export function allocationsOf(
  rows: readonly AllocationDraft[],
  claims: readonly ClaimListRow[],
): { ok: true; value: Array<{ month: string; version: number; amount: number }> } | { ok: false; field: string; message: string } {
  const value = [];
  for (const [i, r] of rows.entries()) {
    const claim = claims.find((c) => c.id === r.claimId);
    if (!claim) return { ok: false, field: `allocations.${i}.version`, message: 'Choisissez la réclamation' };
    const amount = parseFcfa(r.amount);
    if (amount === null || amount === 0)
      return { ok: false, field: `allocations.${i}.amount`, message: 'Montant en FCFA entiers, supérieur à 0' };
    value.push({ month: claim.month, version: claim.version, amount });
  }
  return { ok: true, value };
}
