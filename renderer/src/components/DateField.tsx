import { useId, useState } from 'react';
import { isIsoDate } from '../../../shared/lib/dates';
import { formatDate } from '../lib/format';

/** JJ/MM/AAAA (or J/M/AAAA) → YYYY-MM-DD, or null when it is not a real day. */
function parseFrench(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  onChange(iso: string): void;
  error?: string | undefined;
  required?: boolean;
}

/**
 * A date typed the French way (15/11/2026) whatever the system's language, unlike the browser's
 * date input which follows the operating system. The value handed out is always ISO.
 */
export function DateField({ label, value, onChange, error, required }: DateFieldProps) {
  const id = useId();
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The value was changed from outside (a reset): show it.
    setShown(value);
    setText(value ? formatDate(value) : '');
  }
  const typed = text.trim();
  const invalid = typed !== '' && parseFrench(typed) === null ? 'Date attendue au format JJ/MM/AAAA' : undefined;
  const message = error ?? invalid;
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        placeholder="JJ/MM/AAAA"
        maxLength={10}
        value={text}
        required={required}
        aria-invalid={Boolean(message)}
        data-unread={invalid ? 'true' : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const iso = e.target.value.trim() === '' ? '' : parseFrench(e.target.value);
          if (iso !== null && iso !== value) {
            setShown(iso);
            onChange(iso);
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
