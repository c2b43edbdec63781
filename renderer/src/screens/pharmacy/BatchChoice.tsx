import type { BatchView } from '../../../../shared/domain/pharmacy';
import { Field, SelectField } from '../../components/Field';
import { formatDate, formatNumber } from '../../lib/format';

interface BatchChoiceProps {
  /** The medicine's usable batches: none, and the choice is off. */
  batches: readonly BatchView[];
  batchId: string;
  overrideReason: string;
  fields: Record<string, string>;
  onBatch(batchId: string): void;
  onReason(reason: string): void;
}

/** The batch served: the one that expires first, unless the pharmacist picks another and says why. */
export function BatchChoice({ batches, batchId, overrideReason, fields, onBatch, onReason }: BatchChoiceProps) {
  return (
    <>
      <SelectField
        label="Lot"
        value={batchId}
        onChange={(e) => onBatch(e.target.value)}
        error={fields.batchId}
        disabled={batches.length === 0}
        options={[
          { value: '', label: 'Automatique (premier périmé, premier sorti)' },
          ...batches.map((b) => ({
            value: String(b.id),
            label: `${b.lot} · périme le ${formatDate(b.expiry)} · ${formatNumber(b.quantity)} en stock`,
          })),
        ]}
      />
      {batchId ? (
        <Field
          label="Motif du choix du lot"
          value={overrideReason}
          onChange={(e) => onReason(e.target.value)}
          error={fields.overrideReason}
          placeholder="ex. lot déjà entamé au rayon"
          required
        />
      ) : null}
    </>
  );
}
