import { useId, type KeyboardEvent } from 'react';
import type { StockItem } from '../../../../shared/domain/pharmacy';
import { searchKey } from '../../../../shared/lib/text';

export const medicineLabel = (m: Pick<StockItem, 'dci' | 'form' | 'strength' | 'medicineCode'>) =>
  `${m.dci} — ${m.form} ${m.strength} (${m.medicineCode})`;

/** The medicines whose label contains the typed text, accents and case aside. */
export const medicinesMatching = (items: readonly StockItem[], text: string) => {
  const key = searchKey(text);
  return key ? items.filter((m) => searchKey(medicineLabel(m)).includes(key)) : [];
};

interface MedicinePickerProps {
  items: readonly StockItem[];
  text: string;
  onText(text: string): void;
  error?: string | undefined;
  label?: string;
  /** Enter on a text naming no single medicine: say why rather than submit. */
  onAmbiguous?(message: string): void;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * Type part of a DCI (or its code): the list narrows as you type; arrows and Enter choose. Enter on
 * a text that names exactly one medicine takes it; on several, says so.
 */
export function MedicinePicker({ items, text, onText, error, label = 'Médicament (DCI)', onAmbiguous, inputRef }: MedicinePickerProps) {
  const id = useId();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || pickedMedicine(items, text)) return;
    const found = medicinesMatching(items, text);
    if (found.length === 1) {
      e.preventDefault();
      onText(medicineLabel(found[0]!));
    } else if (onAmbiguous) {
      e.preventDefault();
      onAmbiguous(
        found.length === 0
          ? `Aucun médicament ne correspond à « ${text.trim()} »`
          : `${found.length} médicaments correspondent à « ${text.trim()} » : choisissez dans la liste (flèche bas)`,
      );
    }
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        list={`${id}-list`}
        value={text}
        autoComplete="off"
        placeholder="ex. paracétamol, amoxicilline…"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <datalist id={`${id}-list`}>
        {items.map((m) => (
          <option key={m.medicineCode} value={medicineLabel(m)} label={m.offList ? 'hors liste essentielle' : undefined} />
        ))}
      </datalist>
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** The medicine whose label (or code) the text names exactly. */
export const pickedMedicine = (items: readonly StockItem[], text: string) =>
  items.find((m) => medicineLabel(m) === text || m.medicineCode === text.trim().toUpperCase()) ?? null;
