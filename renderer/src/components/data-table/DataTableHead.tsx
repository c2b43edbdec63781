import type { MouseEvent } from 'react';
import { numClass, type DataColumn } from './columns';

export type Sorted = 'asc' | 'desc' | false;

interface Props<T> {
  columns: readonly DataColumn<T>[];
  sortOf(key: string): Sorted;
  sortable(column: DataColumn<T>): boolean;
  onSort(key: string, event: MouseEvent): void;
}

/** The header row: a sortable column's header is a button, its order said to screen readers by aria-sort. */
export function DataTableHead<T>({ columns, sortOf, sortable, onSort }: Props<T>) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const sorted = sortOf(column.key);
          return (
            <th
              key={column.key}
              className={numClass(column as DataColumn<never>)}
              style={column.width ? { width: column.width } : undefined}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            >
              {!sortable(column) ? (
                column.header
              ) : (
                <button type="button" className="sort" onClick={(e) => onSort(column.key, e)}>
                  {column.header}
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
