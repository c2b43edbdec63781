import { useId, type InputHTMLAttributes, type Ref, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /**
   * The id of the element that shows `error` elsewhere (under a whole row of narrow fields): a
   * long message in a 6rem column would run to a dozen lines.
   */
  errorShownAt?: string;
}

/** A labelled input with its error beneath it, announced to screen readers. */
export function Field({ label, error, hint, errorShownAt, ...input }: FieldProps) {
  const id = useId();
  const describedBy = error ? (errorShownAt ?? `${id}-error`) : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...input} />
      {hint && !error ? <small className="muted">{hint}</small> : null}
      {error && !errorShownAt ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({ label, error, options, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={Boolean(error)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? <small className="field-error">{error}</small> : null}
    </div>
  );
}
