import type { KeyboardEvent, Ref } from 'react';

interface Props {
  ref: Ref<HTMLInputElement>;
  value: string;
  invalid: boolean;
  onChange(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
}

/** The desk's one field: a récépissé typed or scanned, or a name (its id is where the desk puts the focus back). */
export function DeskSearchField({ ref, value, invalid, onChange, onKeyDown }: Props) {
  return (
    <div className="field reception-search">
      <label htmlFor="reception-search">Récépissé (tapé ou scanné, puis Entrée) ou nom</label>
      <input
        id="reception-search"
        ref={ref}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <small className="muted">Échap : nouvelle recherche. Flèches et Entrée pour choisir dans la liste.</small>
    </div>
  );
}
