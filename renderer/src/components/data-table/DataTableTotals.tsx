import { display, numClass, type DataColumn } from './columns';

/** The totals row: each `total` column summed over the filtered rows (all pages), « Total » in the first cell. */
export function DataTableTotals<T>({ columns, rows }: { columns: readonly DataColumn<T>[]; rows: readonly T[] }) {
  return (
    <tfoot>
      <tr>
        {columns.map((c, i) => (
          <th key={c.key} className={numClass(c as DataColumn<never>)}>
            {c.total
              ? display(
                  c as DataColumn<never>,
                  rows.reduce((sum, row) => sum + (Number(typeof c.total === 'function' ? c.total(row) : c.value(row)) || 0), 0),
                )
              : i === 0
                ? 'Total'
                : ''}
          </th>
        ))}
      </tr>
    </tfoot>
  );
}
