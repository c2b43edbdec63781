import { useMemo } from 'react';
import { controlCsvName, type ControlTable, type ControlTableRow } from '../../../../shared/rules/abuse-tables';
import { DataTable, type DataColumn } from '../../components/DataTable';

interface Row extends ControlTableRow {
  id: string;
}

/** One table of the control view: Enter (or a click) on a row opens its episodes; its CSV export. */
export function ControlTableCard({
  table,
  month,
  onOpen,
}: {
  table: ControlTable;
  month: string;
  onOpen(row: ControlTableRow, table: ControlTable): void;
}) {
  const rows = useMemo(() => table.rows.map((r, i) => ({ ...r, id: String(i) })), [table]);
  const columns = useMemo<DataColumn<Row>[]>(
    () =>
      table.columns.map((c, i) => ({
        key: String(i),
        header: c.header,
        value: (r: Row) => r.cells[i] ?? null,
        kind: c.kind,
        ...(c.header === 'Hors norme'
          ? { render: (r: Row) => (r.outlier ? <span className="badge badge-warn">hors norme</span> : null), width: '7rem' }
          : {}),
      })),
    [table],
  );
  return (
    <section className="card" aria-label={table.title}>
      <h2>{table.title}</h2>
      <p className="muted">{table.note}</p>
      <DataTable
        label={table.title}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        pageSize={8}
        csvName={controlCsvName(month, table)}
        onRowActivate={(r) => onOpen(r, table)}
        empty={table.empty}
      />
    </section>
  );
}
