import type { KeyboardEvent, Ref } from 'react';
import type { PersonMatch } from '../../../../shared/domain/registry-lookup';
import { DataTable } from '../../components/DataTable';
import { PERSON_COLUMNS } from './person-columns';

/** The rows the arrow keys walk through (DataTable gives each row a tabindex). */
export const RESULT_ROWS = 'tbody tr[tabindex]';

interface Props {
  ref: Ref<HTMLDivElement>;
  matches: readonly PersonMatch[];
  /** How many are shown: one more found means there are more, and the agent is told to narrow it. */
  shown: number;
  /** The list answers a name no longer typed: shown dimmed, out of reach, until the new answer. */
  stale: boolean;
  onPick(person: PersonMatch): void;
  /** Arrow up from the first row: back to the search field. */
  onLeaveTop(): void;
}

/** The people found by name; the arrow keys move between rows, Enter (DataTable) picks one. */
export function NameResults({ ref, matches, shown, stale, onPick, onLeaveTop }: Props) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>(RESULT_ROWS)];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && at === 0) onLeaveTop();
    else rows[Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    // While the answer for the name now typed is awaited, the previous list stays in place (no
    // flicker) but dimmed and out of reach: it can be neither focused nor picked.
    <div ref={ref} onKeyDown={onKey} className={stale ? 'stale-results' : undefined} inert={stale} aria-busy={stale}>
      {matches.length > shown ? (
        <p className="banner banner-warn" role="status">
          Plus de {shown} personnes portent ce nom : affinez (prénoms complets) ou scannez le récépissé. Les {shown} premières sont
          affichées.
        </p>
      ) : null}
      <DataTable
        label="Personnes trouvées"
        rows={matches.slice(0, shown)}
        columns={PERSON_COLUMNS}
        rowKey={(p) => p.recepisse}
        pageSize={shown}
        onRowActivate={onPick}
        empty="Aucune personne de ce nom dans le registre."
      />
    </div>
  );
}
