import type { Ref } from 'react';
import type { TariffEntry } from '../../../../shared/domain/reference';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { OffListReasonField, PrescriberField } from '../../components/LineEntryFields';
import { ActPicker } from './ActPicker';

/** The quantity's error is shown under the whole row: its column is too narrow for a sentence. */
export const QUANTITY_ERROR = 'add-line-quantity-error';

/** What the desk types for an act before adding it. */
export interface ActDraft {
  performedOn: string;
  code: string | null;
  quantity: string;
  prescriber: string;
  /** Asked for by the server only for a medicine keyed as an act and off the essential list. */
  offListReason: string;
}

interface ActLineFieldsProps {
  draft: ActDraft;
  acts: readonly TariffEntry[];
  /** The act chosen, in its version in force on the act's date. */
  act: TariffEntry | null;
  fields: Record<string, string>;
  adding: boolean;
  pickerRef: Ref<HTMLInputElement>;
  onPick(act: TariffEntry | null): void;
  onChange(patch: Partial<ActDraft>): void;
}

/**
 * The row of an act to add (the act, its quantity, its date, its prescriber, the button), and the
 * justification the server asks for a medicine keyed as an act and off the essential list.
 */
export function ActLineFields({ draft, acts, act, fields, adding, pickerRef, onPick, onChange }: ActLineFieldsProps) {
  return (
    <>
      <div className="add-line">
        <ActPicker ref={pickerRef} acts={acts} value={act} onChange={onPick} error={fields.code} />
        <Field
          label="Quantité"
          type="number"
          min={1}
          max={999}
          value={draft.quantity}
          onChange={(e) => onChange({ quantity: e.target.value })}
          error={fields.quantity}
          errorShownAt={QUANTITY_ERROR}
          required
        />
        <DateField
          label="Date de l’acte"
          value={draft.performedOn}
          onChange={(performedOn) => onChange({ performedOn })}
          error={fields.performedOn}
          required
        />
        <PrescriberField value={draft.prescriber} onChange={(prescriber) => onChange({ prescriber })} error={fields.prescriber} />
        <button type="submit" className="primary" disabled={adding}>
          Ajouter
        </button>
      </div>
      {fields.offListReason || draft.offListReason ? (
        <OffListReasonField
          value={draft.offListReason}
          onChange={(offListReason) => onChange({ offListReason })}
          error={fields.offListReason}
        />
      ) : null}
    </>
  );
}
