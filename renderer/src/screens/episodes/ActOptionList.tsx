import { EXCLUSION_LABELS, type TariffEntry } from '../../../../shared/domain/reference';
import { formatFcfa } from '../../lib/format';

function note(act: TariffEntry): string | null {
  if (act.exclusion) return `exclu du RAMED (${EXCLUSION_LABELS[act.exclusion]})`;
  if (act.caesarean) return 'programme césarienne';
  if (!act.ramedCovered) return 'non couvert';
  return null;
}

interface ActOptionListProps {
  /** The id the picker's options are named from (`${id}-list`, `${id}-0`…). */
  id: string;
  options: readonly TariffEntry[];
  active: number;
  onChoose(act: TariffEntry): void;
}

/** The acts the picker offers, with their price and what the RAMED does not pay. */
export function ActOptionList({ id, options, active, onChoose }: ActOptionListProps) {
  return (
    <ul id={`${id}-list`} role="listbox" aria-label="Actes" className="combobox-list">
      {options.map((act, i) => (
        <li
          key={act.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(act);
          }}
        >
          <span className="mono">{act.code}</span> <span>{act.label}</span>
          <span className="muted"> · {formatFcfa(act.price)}</span>
          {note(act) ? <span className="option-note"> · {note(act)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
