import { formatNumber } from '../../lib/format';

interface Props {
  label: string;
  /** The search box's text; no box when the server pages the table. */
  filter: string | null;
  onFilter(text: string): void;
  count: number;
  /** Absent: no CSV export. */
  onExport: (() => void) | undefined;
  canExport: boolean;
}

/** Above the table: the search box, how many lines, the CSV export. */
export function DataTableTools({ label, filter, onFilter, count, onExport, canExport }: Props) {
  return (
    <div className="datatable-tools">
      {filter === null ? null : (
        <input
          type="search"
          aria-label={`Filtrer : ${label}`}
          placeholder="Filtrer…"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
        />
      )}
      <span className="muted">{formatNumber(count)} ligne(s)</span>
      {onExport ? (
        <button type="button" onClick={onExport} disabled={!canExport}>
          Exporter en CSV
        </button>
      ) : null}
    </div>
  );
}
