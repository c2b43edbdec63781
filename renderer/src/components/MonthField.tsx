import { useId, useState } from 'react';
import { parseMonth } from '../../../shared/lib/months';

const shownMonth = (iso: string) => (iso ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

interface MonthFieldProps {
  label: string;
  /** YYYY-MM, or '' for none. */
  value: string;
  onChange(month: string): void;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * A month typed the French way (11/2026), or as the files write it (2026-11), whatever the system's
 * language. Unreadable text is marked for the form (`data-unread`), which then refuses to submit.
 */
export function MonthField({ label, value, onChange, error, disabled }: MonthFieldProps) {
  const id = useId();
  const [text, setText] = useState(shownMonth(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(shownMonth(value));
  }
  const invalid = text.trim() !== '' && parseMonth(text) === null ? 'Mois attendu au format MM/AAAA, par exemple 11/2026' : undefined;
  const message = error ?? invalid;
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        placeholder="MM/AAAA"
        maxLength={10}
        value={text}
        disabled={disabled}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? `${id}-error` : undefined}
        data-unread={invalid ? 'true' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const month = e.target.value.trim() === '' ? '' : parseMonth(e.target.value);
          if (month !== null && month !== value) {
            setShown(month);
            onChange(month);
          }
        }}
      />
      {message ? (
        <small id={`${id}-error`} className="field-error">
          {message}
        </small>
      ) : null}
    </div>
  );
}
