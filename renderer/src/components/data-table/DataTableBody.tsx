import { display, numClass, type DataColumn } from './columns';

interface Props<T> {
  columns: readonly DataColumn<T>[];
  rows: ReadonlyArray<{ id: string; original: T }>;
  empty: string | undefined;
  onRowActivate: ((row: T) => void) | undefined;
}

/** The page's rows; a row with an action is a Tab stop that Enter (or a click) opens. */
export function DataTableBody<T>({ columns, rows, empty, onRowActivate }: Props<T>) {
  if (rows.length === 0) {
    return (
      <tbody>
        <tr>
          <td colSpan={columns.length} className="muted">
            {empty ?? 'Aucune ligne.'}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {rows.map((row) => (
        <tr
          key={row.id}
          tabIndex={onRowActivate ? 0 : undefined}
          className={onRowActivate ? 'clickable' : undefined}
          onClick={onRowActivate ? () => onRowActivate(row.original) : undefined}
          onKeyDown={
            onRowActivate
              ? (e) => {
                  if (e.key !== 'Enter') return;
                  // Else the same key press would also act on whatever the activation focuses (a dialog's button).
                  e.preventDefault();
                  onRowActivate(row.original);
                }
              : undefined
          }
        >
          {columns.map((c) => (
            <td key={c.key} className={numClass(c as DataColumn<never>)}>
              {c.render ? c.render(row.original) : <Cell column={c as DataColumn<never>} value={c.value(row.original)} />}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

function Cell({ column, value }: { column: DataColumn<never>; value: string | number | null }) {
  const shown = display(column, value);
  if (!column.clip || value === null || value === '') return <>{shown}</>;
  return (
    <span className="clip" title={String(value)}>
      {shown}
    </span>
  );
}
