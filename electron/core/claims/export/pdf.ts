import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { withMeasureCache } from './measure-cache';
import { lastTableHeights, uniformTableEnd } from './table-end';
import { frenchDate } from '../../../../shared/lib/dates';
import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS, type ClaimCategory, type ClaimDocument } from '../../../../shared/domain/claims';
import { LEVEL_SHORT_LABELS } from '../../../../shared/domain/reference';
import { formatRecepisse } from '../../../../shared/domain/registry';
import { formatInteger } from '../../../../shared/lib/money';
import { frenchMonth } from '../../../../shared/lib/months';

export interface BordereauMeta {
  sha256: string;
  signedAt: string;
  signedBy: string;
  printedAt: string;
  appVersion: string;
}

/** The categories that have an amount this month get a column; the others are left out to keep the table readable. */
const columnsOf = (doc: ClaimDocument): ClaimCategory[] => CLAIM_CATEGORIES.filter((c) => doc.totals[c] !== 0);

const SIDE_MARGIN = 14;
const FIXED_WIDTHS = { number: 25, recepisse: 24, date: 15.5, icd10: 13 };
/** The patient's name keeps at least this much, whatever the number of amount columns. */
const PATIENT_MIN_WIDTH = 46;

/** Amount columns share what the fixed ones and the patient leave, up to 22 mm each. */
function amountColumnWidth(tableWidth: number, columns: number): number {
  const fixed = FIXED_WIDTHS.number + FIXED_WIDTHS.recepisse + 2 * FIXED_WIDTHS.date + FIXED_WIDTHS.icd10 + PATIENT_MIN_WIDTH;
  return Math.min(22, (tableWidth - fixed) / columns);
}

const paper = () => new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });

/** Table rows moved to the signatures' page when the signatures do not fit under the table. */
const KEPT_WITH_SIGNATURES = 3;
const SIGNATURES_HEIGHT = 36;
const BOTTOM_MARGIN = 16;
const MARGIN_TOP = 14;

/**
 * The bordereau: A4 landscape, one row per episode, amounts by category in FCFA, totals, page x/y,
 * the version's hash on every page and the signature boxes after the table.
 */
export function bordereauPdf(doc: ClaimDocument, meta: BordereauMeta): ArrayBuffer {
  const pdf = withMeasureCache(paper());
  const width = pdf.internal.pageSize.getWidth();
  const height = pdf.internal.pageSize.getHeight();
  const categories = columnsOf(doc);
  const amountWidth = amountColumnWidth(width - 2 * SIDE_MARGIN, categories.length + 1);
  const episodes = doc.episodes.filter((e) => !e.excluded);

  pdf.setFont('helvetica', 'bold').setFontSize(14);
  pdf.text(`Bordereau de réclamation RAMED – ${frenchMonth(doc.month)}`, 14, 15);
  pdf.setFont('helvetica', 'normal').setFontSize(9.5);
  pdf.text(`${doc.facility.name} (${doc.facility.code}, ${LEVEL_SHORT_LABELS[doc.facility.level]})`, 14, 21);
  pdf.text(
    `Version ${doc.version} signée le ${frenchDate(meta.signedAt)} par ${meta.signedBy} – ${episodes.length} épisode(s) – total ${formatInteger(doc.total)} FCFA`,
    14,
    26,
  );

  const money = (n: number) => (n === 0 ? '' : formatInteger(n));
  const body = episodes.map((e) => [
    e.number,
    formatRecepisse(e.recepisse),
    // One line per row, whatever the registry holds: where the table ends is reckoned from one row's height.
    e.patientName.replace(/[\r\n]+/g, ' '),
    frenchDate(e.openedOn),
    frenchDate(e.endedOn),
    e.clinical?.icd10 ?? '',
    ...categories.map((c) => money(e.totals[c])),
    formatInteger(e.total),
  ]);
  const table = (target: jsPDF, rows: typeof body, options: { startY: number; foot: boolean }) => {
    autoTable(target, {
      startY: options.startY,
      head: [['N°', 'Récépissé', 'Patient', 'Début', 'Fin', 'CIM-10', ...categories.map((c) => CLAIM_CATEGORY_LABELS[c]), 'Total (FCFA)']],
      body: rows,
      foot: options.foot
        ? [
            [
              'Total',
              '',
              `${episodes.length} épisode(s)`,
              '',
              '',
              '',
              ...categories.map((c) => formatInteger(doc.totals[c])),
              formatInteger(doc.total),
            ],
          ]
        : [],
      showFoot: 'lastPage',
      theme: 'grid',
      styles: { font: 'helvetica', fontSize: 7.5, cellPadding: 1, overflow: 'ellipsize' },
      headStyles: { fillColor: [33, 80, 120], textColor: 255, fontSize: 6.5, overflow: 'linebreak' },
      footStyles: { fillColor: [230, 236, 242], textColor: 20, fontStyle: 'bold' },
      columnStyles: {
        0: { cellWidth: FIXED_WIDTHS.number },
        1: { cellWidth: FIXED_WIDTHS.recepisse },
        2: { cellWidth: 'auto' },
        3: { cellWidth: FIXED_WIDTHS.date },
        4: { cellWidth: FIXED_WIDTHS.date },
        5: { cellWidth: FIXED_WIDTHS.icd10 },
        ...Object.fromEntries([...categories, 'total'].map((_, i) => [6 + i, { halign: 'right' as const, cellWidth: amountWidth }])),
      },
      margin: { top: MARGIN_TOP, bottom: BOTTOM_MARGIN, left: SIDE_MARGIN, right: SIDE_MARGIN },
    });
    return (target as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
  };
  const fits = (finalY: number) => finalY + 8 + SIGNATURES_HEIGHT <= height - BOTTOM_MARGIN;

  // When the signatures would stand alone on a new page, the last lines go over with them, so that
  // the page signed shows what is signed. Where the whole table would end is worked out from one
  // row laid out on scratch paper: laying the whole table out twice cost half the printing time.
  const kept = Math.min(KEPT_WITH_SIGNATURES, body.length - 1);
  let y: number;
  const endOfWholeTable = () => {
    const sample = paper();
    table(sample, body.slice(0, 1), { startY: 30, foot: true });
    const heights = lastTableHeights(sample);
    return uniformTableEnd({
      ...heights,
      rows: body.length,
      startY: 30,
      pageHeight: height,
      marginTop: MARGIN_TOP,
      marginBottom: BOTTOM_MARGIN,
    });
  };
  if (kept < 1 || fits(endOfWholeTable())) {
    y = table(pdf, body, { startY: 30, foot: true }) + 8;
    if (!fits(y - 8)) {
      pdf.addPage();
      y = 20;
    }
  } else {
    table(pdf, body.slice(0, -kept), { startY: 30, foot: false });
    pdf.addPage();
    y = table(pdf, body.slice(-kept), { startY: MARGIN_TOP, foot: true }) + 8;
  }
  pdf.setFontSize(9);
  if (doc.programmeTotal > 0) {
    pdf.text(
      `Hors RAMED, programmes de gratuité : ${formatInteger(doc.programmeTotal)} FCFA (non réclamé, relevés par programme).`,
      14,
      y - 2,
    );
  }
  const boxes = ['Le responsable de l’établissement', 'Le gestionnaire RAMED', 'Visa de l’ANAM'];
  const boxWidth = (width - 28 - 2 * 8) / 3;
  boxes.forEach((title, i) => {
    const x = 14 + i * (boxWidth + 8);
    pdf.rect(x, y + 2, boxWidth, 30);
    pdf.text(title, x + 2, y + 7);
    pdf.text('Nom, date et signature :', x + 2, y + 28);
  });

  const pages = pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page);
    pdf.setFontSize(7).setTextColor(90);
    pdf.text(`SHA-256 ${meta.sha256}`, 14, height - 8);
    pdf.text(
      `Imprimé le ${frenchDate(meta.printedAt)} à ${meta.printedAt.slice(11, 16)} – RAMED Guichet ${meta.appVersion}`,
      14,
      height - 4.5,
    );
    pdf.text(`Page ${page}/${pages}`, width - 14, height - 6, { align: 'right' });
    pdf.setTextColor(0);
  }
  return pdf.output('arraybuffer');
}
