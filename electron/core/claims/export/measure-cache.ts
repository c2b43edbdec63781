import type { jsPDF } from 'jspdf';

/**
 * Spares jsPDF work that jspdf-autotable makes it repeat for each cell of a long table: the font
 * list, rebuilt at every call (autotable asks for it before each cell it measures or draws), and
 * the width of a string, measured up to four times per cell (column widths, longest word,
 * ellipsis, right alignment) though dates, codes and amounts repeat from row to row. A width
 * depends only on the font, its size, the character spacing (not cached unless 0) and the text, so the PDF is the same
 * byte for byte. Only for a document that adds no font once this is called.
 */
export function withMeasureCache(pdf: jsPDF): jsPDF {
  const fonts = pdf.getFontList();
  pdf.getFontList = () => fonts;
  const measure = pdf.getStringUnitWidth.bind(pdf);
  // Font → size → text → width: nested maps, as building a composite key for each call cost as much as the lookup saved.
  const widths = new Map<unknown, Map<number, Map<string, number>>>();
  pdf.getStringUnitWidth = (text: string, options?: unknown) => {
    if (options !== undefined || typeof text !== 'string' || pdf.getCharSpace() !== 0) return measure(text, options);
    const font = pdf.getFont();
    let sizes = widths.get(font);
    if (!sizes) widths.set(font, (sizes = new Map()));
    const size = pdf.getFontSize();
    let texts = sizes.get(size);
    if (!texts) sizes.set(size, (texts = new Map()));
    let width = texts.get(text);
    if (width === undefined) {
      width = measure(text);
      texts.set(text, width);
    }
    return width;
  };
  return pdf;
}
