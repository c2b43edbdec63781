import { useId } from 'react';
import type { StockItem } from '../../../../shared/domain/pharmacy';

export const medicineLabel = (m: Pick<StockItem, 'dci' | 'form' | 'strength' | 'medicineCode'>) =>
  `${m.dci} — ${m.form} ${m.strength} (${m.medicineCode})`;

interface MedicinePickerProps {
  items: readonly StockItem[];
  text: string;
  onText(text: string): void;
  error?: string | undefined;
  label?: string;
}

/** Type part of a DCI (or its code): the list narrows as you type; arrows and Enter choose. */
export function MedicinePicker({ items, text, onText, error, label = 'Médicament (DCI)' }: MedicinePickerProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list={`${id}-list`}
        value={text}
        autoComplete="off"
        placeholder="ex. paracétamol, amoxicilline…"
        aria-invalid={Boolean(error)}
        onChange={(e) => onText(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        {items.map((m) => (
          <option key={m.medicineCode} value={medicineLabel(m)} />
        ))}
      </datalist>
      {error ? <small className="field-error">{error}</small> : null}
    </div>
  );
}

/** The medicine whose label (or code) the text names exactly. */
export const pickedMedicine = (items: readonly StockItem[], text: string) =>
  items.find((m) => medicineLabel(m) === text || m.medicineCode === text.trim().toUpperCase()) ?? null;
