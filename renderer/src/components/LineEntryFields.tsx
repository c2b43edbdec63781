import { Field } from './Field';

/**
 * The fields an act logged on an episode and a medicine dispensed on it share: who prescribed it,
 * why an item off the national essential list is given, and a narrow field's error under the row.
 */

export function PrescriberField({ value, onChange, error }: { value: string; onChange(value: string): void; error: string | undefined }) {
  return (
    <Field
      label="Prescripteur"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      placeholder="ex. Dr Sidibé"
      required
    />
  );
}

interface OffListReasonProps {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  placeholder?: string;
}

/** Asked by the server for an item off the essential list (setting `justifier`): the claim shows it to the ANAM. */
export function OffListReasonField({ value, onChange, error, placeholder }: OffListReasonProps) {
  return (
    <Field
      label="Justification (hors liste essentielle)"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      placeholder={placeholder}
      maxLength={300}
      required
    />
  );
}

/** The justification as the input of `episodes.addLine` or `pharmacy.dispense`: left out when empty. */
export const offListInput = (reason: string): { offListReason?: string } => {
  const text = reason.trim();
  return text ? { offListReason: text } : {};
};

/** A narrow field's error (a quantity), shown under the whole row: its column is too narrow for a sentence. */
export function RowFieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="field-error row-error">
      {error}
    </p>
  ) : null;
}
