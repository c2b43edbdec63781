import type { jsPDF } from 'jspdf';
import type { Row, Table } from 'jspdf-autotable';

/** A jspdf-autotable table whose body rows all have one height (single-line cells, overflow 'ellipsize'). */
export interface UniformTable {
  rows: number;
  startY: number;
  headHeights: readonly number[];
  rowHeight: number;
  footHeights: readonly number[];
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
}

/**
 * Where jspdf-autotable (5.0.x, showHead 'everyPage', showFoot 'lastPage') ends such a table, its
 * `finalY`, without laying it out: its `drawTable` pagination replayed with the same arithmetic in
 * the same order, so that the figures agree to the last bit. A row goes to the next page (head
 * repeated) when it does not fit above the bottom margin; the last row must also leave room for
 * the foot. tests/unit/bordereau-table-end.test.ts holds it to the library's own finalY.
 */
export function uniformTableEnd(table: UniformTable): number {
  const { pageHeight, marginTop, marginBottom, rowHeight } = table;
  const sum = (heights: readonly number[]) => heights.reduce((acc, h) => acc + h, 0);
  let y = table.startY;
  if (table.startY + marginBottom + (sum(table.headHeights) + sum(table.footHeights)) > pageHeight) y = marginTop;
  for (const h of table.headHeights) y += h;
  for (let i = 0; i < table.rows; i++) {
    const bottom = i === table.rows - 1 ? marginBottom + sum(table.footHeights) : marginBottom;
    if (rowHeight > pageHeight - y - bottom) {
      y = marginTop;
      for (const h of table.headHeights) y += h;
    }
    y += rowHeight;
  }
  for (const h of table.footHeights) y += h;
  return y;
}

/** The row heights of the table autotable last laid out on `doc`: its head rows, its first body row, its foot rows. */
export function lastTableHeights(doc: jsPDF): Pick<UniformTable, 'headHeights' | 'rowHeight' | 'footHeights'> {
  const table = (doc as unknown as { lastAutoTable: Table }).lastAutoTable;
  const height = (row: Row) => row.getMaxCellHeight(table.columns);
  return { headHeights: table.head.map(height), rowHeight: height(table.body[0]!), footHeights: table.foot.map(height) };
}
