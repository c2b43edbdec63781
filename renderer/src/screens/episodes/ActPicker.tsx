import { useId, useMemo, useState, type Ref } from 'react';
import type { TariffEntry } from '../../../../shared/domain/reference';
import { searchKey } from '../../../../shared/lib/text';
import { ActOptionList } from './ActOptionList';

const MAX_SHOWN = 8;

/** Acts whose code starts with the text come first, then those whose code or label contains it. */
function matching(acts: readonly TariffEntry[], text: string): TariffEntry[] {
  const key = searchKey(text);
  if (!key) return acts.slice(0, MAX_SHOWN);
  const scored = acts
    .map((act) => {
      const code = searchKey(act.code);
      const all = `${code} ${searchKey(act.label)}`;
      return { act, rank: code.startsWith(key) ? 0 : all.includes(key) ? 1 : 2 };
    })
    .filter((a) => a.rank < 2);
  return scored
    .sort((a, b) => a.rank - b.rank || a.act.code.localeCompare(b.act.code))
    .slice(0, MAX_SHOWN)
    .map((a) => a.act);
}

interface ActPickerProps {
  acts: readonly TariffEntry[];
  value: TariffEntry | null;
  onChange(act: TariffEntry | null): void;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A combobox over the acts in force: type part of a code or label, arrows to move, Enter to
 * choose, Escape to close the list.
 */
export function ActPicker({ acts, value, onChange, error, ref }: ActPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matching(acts, text), [acts, text]);
  const shown = value ? `${value.code} — ${value.label}` : text;

  function choose(act: TariffEntry) {
    onChange(act);
    setText('');
    setOpen(false);
  }

  return (
    <div className={`field combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-input`}>Acte (code ou libellé)</label>
      <input
        ref={ref}
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && options[active] ? `${id}-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        value={shown}
        placeholder="ex. CS-CUR, goutte épaisse…"
        onChange={(e) => {
          if (value) onChange(null);
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(!value)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && options[active]) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && options.length > 0 ? <ActOptionList id={id} options={options} active={active} onChoose={choose} /> : null}
      {open && text && options.length === 0 ? <small className="muted">Aucun acte ne correspond à « {text} ».</small> : null}
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}
