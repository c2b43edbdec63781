import type { RowData } from '@tanstack/react-table';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { downloadText } from '../lib/files';
import type { DataColumn, ServerPaging } from './data-table/columns';
import { DataTableBody } from './data-table/DataTableBody';
import { DataTableHead } from './data-table/DataTableHead';
import { DataTablePager } from './data-table/DataTablePager';
import { DataTableTools } from './data-table/DataTableTools';
import { DataTableTotals } from './data-table/DataTableTotals';
import { useDataTable } from './data-table/useDataTable';

export type { DataColumn, ServerPaging };

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

/** Semicolons and a BOM: what a French spreadsheet opens without asking. */
function exportCsv<T>(name: string, columns: readonly DataColumn<T>[], rows: readonly T[]) {
  const exported = columns.filter((c) => !c.actions);
  const records = [exported.map((c) => c.header), ...rows.map((row) => exported.map((c) => c.value(row) ?? ''))];
  downloadText(name, 'text/csv;charset=utf-8', '\uFEFF' + stringify(records, { delimiter: ';' }));
}

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
  const t = useDataTable(rows, columns, rowKey, pageSize, server);
  return (
    <div className="datatable">
      <DataTableTools
        label={label}
        filter={server ? null : t.globalFilter}
        onFilter={t.setFilter}
        count={server ? server.total : t.filtered.length}
        onExport={csvName ? () => exportCsv(csvName, columns, t.filtered) : undefined}
        canExport={t.filtered.length > 0}
      />
      <table className="simple" aria-label={label}>
        <DataTableHead columns={columns} sortOf={t.sortOf} sortable={t.sortable} onSort={t.sortBy} />
        <DataTableBody columns={columns} rows={t.visible} empty={empty} onRowActivate={onRowActivate} />
        {columns.some((c) => c.total) ? <DataTableTotals columns={columns} rows={t.filtered} /> : null}
      </table>
      <DataTablePager label={label} pageIndex={t.pageIndex} pageCount={t.pageCount} onPage={t.setPage} />
    </div>
  );
}
