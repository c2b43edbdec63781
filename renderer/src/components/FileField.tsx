import { useId, useRef, useState } from 'react';

/** A file picker in French: the browser's own button speaks the browser's language. */
export function FileField({
  label,
  hint,
  error,
  onChange,
}: {
  label: string;
  hint: string;
  error?: string | undefined;
  onChange: (f: File | null) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          setName(file?.name ?? null);
          onChange(file);
        }}
      />
      <div className="file-picker">
        <button
          type="button"
          onClick={() => input.current?.click()}
          aria-label={`${label} : choisir un fichier`}
          aria-describedby={`${id}-name`}
        >
          Choisir un fichier…
        </button>
        <span id={`${id}-name`} className={name ? 'clip' : 'muted'}>
          {name ?? 'Aucun fichier choisi'}
        </span>
      </div>
      {error ? <small className="field-error">{error}</small> : <small className="muted">{hint}</small>}
    </div>
  );
}
