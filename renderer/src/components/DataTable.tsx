import { useMemo, useState, type ReactNode } from 'react';
import { stringify } from 'csv-stringify/browser/esm/sync';
import {
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  columnFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { downloadText } from '../lib/files';
import { formatFcfa, formatNumber } from '../lib/format';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  filterFns: { includesString: filterFn_includesString },
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

export interface DataColumn<T> {
  key: string;
  header: string;
  /** The cell's plain value: sorted, filtered, exported to CSV, summed when `total`. */
  value: (row: T) => string | number | null;
  /** What the cell shows (default: the value, money and numbers the French way). */
  render?: (row: T) => ReactNode;
  kind?: 'text' | 'number' | 'money';
  /**
   * Sum this column over the filtered rows in a totals row; a function says what each row adds (a
   * row that repeats another, such as a replaced version, adds 0).
   */
  total?: boolean | ((row: T) => number | null);
  /** A column of buttons: neither sorted nor exported. */
  actions?: boolean;
  width?: string;
}

/** Server-side paging for tables too large to load at once (the audit, the registry). */
export interface ServerPaging {
  total: number;
  pageIndex: number;
  pageSize: number;
  onPageChange(pageIndex: number): void;
  /** Sorting done by the server: the columns it can sort by, the current order, and how to change it. */
  sort?: { key: string; desc: boolean; sortable: readonly string[]; onSortChange(key: string): void };
}

interface DataTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey: (row: T) => string;
  pageSize?: number;
  /** File name of the CSV export; no export button when absent. */
  csvName?: string;
  onRowActivate?: (row: T) => void;
  server?: ServerPaging;
  empty?: string;
}

const display = (column: DataColumn<never>, value: string | number | null): ReactNode => {
  if (value === null || value === '') return '—';
  if (column.kind === 'money' && typeof value === 'number') return formatFcfa(value);
  if (column.kind === 'number' && typeof value === 'number') return formatNumber(value);
  return value;
};

/**
 * The product's table: sortable by header, filtered by one search box, paged (on the client, or
 * by the server for large sets), with totals for money and an export to CSV of what is shown.
 * Works by keyboard: headers are buttons, rows with an action are focusable (Enter opens).
 */
export function DataTable<T extends RowData>({
  label,
  rows,
  columns,
  rowKey,
  pageSize = 25,
  csvName,
  onRowActivate,
  server,
  empty,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize });

  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        header: c.header,
        accessorFn: (row: T) => c.value(row) ?? '',
        sortFn: c.kind === 'number' || c.kind === 'money' ? 'basic' : 'alphanumeric',
        filterFn: 'includesString',
      })),
    [columns],
  );
  const data = useMemo(() => [...rows], [rows]);

  const table = useTable({
    features,
    columns: defs,
    data,
    getRowId: (row: T) => rowKey(row),
    state: { sorting, globalFilter, pagination: server ? { pageIndex: 0, pageSize: Math.max(rows.length, 1) } : pagination },
    onSortingChange: setSorting,
    onGlobalFilterChange: (updater) => {
      setGlobalFilter(updater);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onPaginationChange: setPagination,
    globalFilterFn: 'includesString',
  });

  const filtered = table.getFilteredRowModel().rows.map((r) => r.original);
  const visible = table.getRowModel().rows;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const hasTotals = columns.some((c) => c.total);
  const pageCount = server ? Math.max(1, Math.ceil(server.total / server.pageSize)) : table.getPageCount();
  const pageIndex = server ? server.pageIndex : pagination.pageIndex;
  const count = server ? server.total : filtered.length;

  function exportCsv() {
    const exported = columns.filter((c) => !c.actions);
    const records = [exported.map((c) => c.header), ...filtered.map((row) => exported.map((c) => c.value(row) ?? ''))];
    // Semicolons and a BOM: what a French spreadsheet opens without asking.
    const text = '\uFEFF' + stringify(records, { delimiter: ';' });
    downloadText(csvName!, 'text/csv;charset=utf-8', text);
  }

  return (
    <div className="datatable">
      <div className="datatable-tools">
        {server ? null : (
          <input
            type="search"
            aria-label={`Filtrer : ${label}`}
            placeholder="Filtrer…"
            value={globalFilter}
            onChange={(e) => table.setGlobalFilter(e.target.value)}
          />
        )}
        <span className="muted">{formatNumber(count)} ligne(s)</span>
        {csvName ? (
          <button type="button" onClick={exportCsv} disabled={filtered.length === 0}>
            Exporter en CSV
          </button>
        ) : null}
      </div>
      <table className="simple" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = byKey.get(header.column.id)!;
                const serverSort = server?.sort;
                const sorted = serverSort
                  ? serverSort.key === column.key && (serverSort.desc ? 'desc' : 'asc')
                  : header.column.getIsSorted();
                const sortable = server ? Boolean(serverSort?.sortable.includes(column.key)) : !column.actions;
                const toggle = serverSort ? () => serverSort.onSortChange(column.key) : header.column.getToggleSortingHandler();
                return (
                  <th
                    key={header.id}
                    className={column.kind && column.kind !== 'text' ? 'num' : undefined}
                    style={column.width ? { width: column.width } : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    {!sortable ? (
                      column.header
                    ) : (
                      <button type="button" className="sort" onClick={toggle}>
                        {column.header}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty ?? 'Aucune ligne.'}
              </td>
            </tr>
          ) : (
            visible.map((row) => (
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
                  <td key={c.key} className={c.kind && c.kind !== 'text' ? 'num' : undefined}>
                    {c.render ? c.render(row.original) : display(c as DataColumn<never>, c.value(row.original))}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {hasTotals ? (
          <tfoot>
            <tr>
              {columns.map((c, i) => (
                <th key={c.key} className={c.kind && c.kind !== 'text' ? 'num' : undefined}>
                  {c.total
                    ? display(
                        c as DataColumn<never>,
                        filtered.reduce((sum, row) => sum + (Number(typeof c.total === 'function' ? c.total(row) : c.value(row)) || 0), 0),
                      )
                    : i === 0
                      ? 'Total'
                      : ''}
                </th>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
      {pageCount > 1 ? (
        <nav className="pager" aria-label={`Pages : ${label}`}>
          <button
            type="button"
            disabled={pageIndex === 0}
            onClick={() => (server ? server.onPageChange(pageIndex - 1) : table.previousPage())}
          >
            ‹ Précédente
          </button>
          <span>
            Page {pageIndex + 1} sur {pageCount}
          </span>
          <button
            type="button"
            disabled={pageIndex + 1 >= pageCount}
            onClick={() => (server ? server.onPageChange(pageIndex + 1) : table.nextPage())}
          >
            Suivante ›
          </button>
        </nav>
      ) : null}
    </div>
  );
}
