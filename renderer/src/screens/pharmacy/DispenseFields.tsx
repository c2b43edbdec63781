import type { Ref } from 'react';
import type { BatchView, StockItem } from '../../../../shared/domain/pharmacy';
import { Field } from '../../components/Field';
import { OffListReasonField, PrescriberField } from '../../components/LineEntryFields';
import { BatchChoice } from './BatchChoice';
import { MedicinePicker } from './MedicinePicker';

/** The quantity's error is shown under the whole row: its column is too narrow for a sentence. */
export const QUANTITY_ERROR = 'dispense-quantity-error';

/** What the pharmacist types before giving a medicine. */
export interface DispenseDraft {
  /** The medicine as typed or chosen in the list. */
  text: string;
  quantity: string;
  prescriber: string;
  /** A batch picked instead of the FEFO one ('' for the automatic choice), and why. */
  batchId: string;
  overrideReason: string;
  offListReason: string;
}

interface DispenseFieldsProps {
  items: readonly StockItem[];
  draft: DispenseDraft;
  medicine: StockItem | null;
  batches: readonly BatchView[];
  fields: Record<string, string>;
  pickerRef: Ref<HTMLInputElement>;
  quantityRef: Ref<HTMLInputElement>;
  canDispense: boolean;
  /** The quantity asked is more than the usable stock, and no batch is picked. */
  canServeAvailable: boolean;
  onText(text: string): void;
  onQuantity(quantity: string): void;
  onChange(patch: Partial<DispenseDraft>): void;
  onAmbiguous(message: string): void;
  onServeAvailable(): void;
}

/** The row of a medicine to give: the medicine, its quantity, the prescriber, the batch, and the two ways to give it. */
export function DispenseFields({
  items,
  draft,
  medicine,
  batches,
  fields,
  pickerRef,
  quantityRef,
  canDispense,
  canServeAvailable,
  onText,
  onQuantity,
  onChange,
  onAmbiguous,
  onServeAvailable,
}: DispenseFieldsProps) {
  return (
    <div className="add-line">
      <MedicinePicker
        items={items}
        text={draft.text}
        inputRef={pickerRef}
        onText={onText}
        onAmbiguous={onAmbiguous}
        error={fields.medicineCode}
      />
      <Field
        ref={quantityRef}
        label="Quantité"
        type="number"
        min={1}
        value={draft.quantity}
        onChange={(e) => onQuantity(e.target.value)}
        error={fields.quantity}
        errorShownAt={QUANTITY_ERROR}
        required
      />
      <PrescriberField value={draft.prescriber} onChange={(prescriber) => onChange({ prescriber })} error={fields.prescriber} />
      <BatchChoice
        batches={batches}
        batchId={draft.batchId}
        overrideReason={draft.overrideReason}
        fields={fields}
        onBatch={(batchId) => onChange({ batchId })}
        onReason={(overrideReason) => onChange({ overrideReason })}
      />
      {medicine?.offList === 'justifier' ? (
        <OffListReasonField
          value={draft.offListReason}
          onChange={(offListReason) => onChange({ offListReason })}
          error={fields.offListReason}
          placeholder="ex. allergie à l’équivalent de la liste"
        />
      ) : null}
      <button type="submit" className="primary" disabled={!canDispense}>
        Dispenser
      </button>
      <button type="button" disabled={!canServeAvailable} onClick={onServeAvailable} title="Sert ce qui reste et enregistre le manque">
        Servir le disponible et noter le manque
      </button>
    </div>
  );
}
