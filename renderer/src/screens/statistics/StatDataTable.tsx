import { useMemo } from 'react';
import { csvFileName, type StatCell, type StatTable } from '../../../../shared/rules/statistics/tables';
import { DataTable, type DataColumn } from '../../components/DataTable';

interface Row {
  id: string;
  cells: StatCell[];
}

/** A table of the report in the product's DataTable: sort, filter, totals, and its CSV file. */
export function StatDataTable({ table, reportKey }: { table: StatTable; reportKey: string }) {
  const rows = useMemo(() => table.rows.map((cells, i) => ({ id: String(i), cells })), [table]);
  const columns = useMemo<DataColumn<Row>[]>(
    () =>
      table.columns.map((c, i) => ({
        key: String(i),
        header: c.header,
        value: (r: Row) => r.cells[i] ?? null,
        kind: c.kind,
        ...(c.total ? { total: true } : {}),
      })),
    [table],
  );
  return (
    <DataTable
      label={table.title}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      pageSize={12}
      csvName={csvFileName({ key: reportKey }, table)}
      empty={table.empty}
    />
  );
}
