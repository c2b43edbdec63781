import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { describe, expect, it } from 'vitest';
import { lastTableHeights, uniformTableEnd } from '../../electron/core/claims/export/table-end';

const MARGIN = { top: 14, bottom: 16, left: 14, right: 14 };
const paper = () => new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });

/** A table shaped like the bordereau's: a head that wraps, single-line body rows, one foot row. */
function layOut(doc: jsPDF, rows: number, startY: number, fontSize: number): number {
  autoTable(doc, {
    startY,
    head: [['N°', 'Patient', 'Hospitalisation et observation (journées)', 'Total (FCFA)']],
    body: Array.from({ length: rows }, (_, i) => [`EP-${i + 1}`, `TRAORÉ Awa ${'x'.repeat(i % 90)}`, String(i * 1000), '1 500']),
    foot: [['Total', `${rows} épisode(s)`, '', '1 500 000']],
    showFoot: 'lastPage',
    theme: 'grid',
    styles: { fontSize, cellPadding: 1, overflow: 'ellipsize' },
    headStyles: { fontSize: 6.5, overflow: 'linebreak' },
    footStyles: { fontStyle: 'bold' },
    columnStyles: { 0: { cellWidth: 25 }, 1: { cellWidth: 'auto' }, 2: { cellWidth: 22 }, 3: { cellWidth: 22 } },
    margin: MARGIN,
  });
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

describe('where an autotable of single-line rows ends, reckoned without laying it out', () => {
  it.each([
    [30, 7.5],
    [14, 7.5],
    [185, 7.5],
    [30, 9],
  ])('startY %d, font %d pt: the same finalY as the library, to the last bit, for 1 to 66 rows (three pages)', (startY, fontSize) => {
    const sample = paper();
    layOut(sample, 1, startY, fontSize);
    const heights = lastTableHeights(sample);
    expect(heights.headHeights.length).toBe(1);
    const pageHeight = sample.internal.pageSize.getHeight();
    for (let rows = 1; rows <= 66; rows++) {
      const predicted = uniformTableEnd({ ...heights, rows, startY, pageHeight, marginTop: MARGIN.top, marginBottom: MARGIN.bottom });
      expect({ rows, finalY: predicted }).toEqual({ rows, finalY: layOut(paper(), rows, startY, fontSize) });
    }
  });
});
