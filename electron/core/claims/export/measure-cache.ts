import type { jsPDF } from 'jspdf';

/**
 * Spares jsPDF work that jspdf-autotable makes it repeat for each cell of a long table: the font
 * list, rebuilt at every call (autotable asks for it before each cell it measures or draws), and
 * the width of a string, measured up to four times per cell (column widths, longest word,
 * ellipsis, right alignment) though dates, codes and amounts repeat from row to row. A width
 * depends only on the font, its size, the character spacing and the text, so the PDF is the same
 * byte for byte. Only for a document that adds no font once this is called.
 */
export function withMeasureCache(pdf: jsPDF): jsPDF {
  const fonts = pdf.getFontList();
  pdf.getFontList = () => fonts;
  const measure = pdf.getStringUnitWidth.bind(pdf);
  const widths = new Map<string, number>();
  pdf.getStringUnitWidth = (text: string, options?: unknown) => {
    if (options !== undefined || typeof text !== 'string') return measure(text, options);
    const key = `${pdf.getFont().id}\u0000${pdf.getFontSize()}\u0000${pdf.getCharSpace()}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = measure(text);
      widths.set(key, width);
    }
    return width;
  };
  return pdf;
}
