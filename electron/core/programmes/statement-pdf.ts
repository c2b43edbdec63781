import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { frenchDate } from '../../../shared/lib/dates';
import type { ProgrammeStatement } from '../../../shared/domain/programmes';
import { LEVEL_SHORT_LABELS } from '../../../shared/domain/reference';
import { ageOn } from '../../../shared/rules/eligibility';
import { formatInteger } from '../../../shared/lib/money';
import { frenchMonth } from '../../../shared/lib/months';

const MARGIN = 14;

/**
 * A programme's monthly statement: A4 portrait, one row per line grouped by episode (the patient's
 * age on the first day of care, which the programmes' conditions rely on), the total, page x/y and
 * the signature boxes after the table.
 */
export function programmePdf(statement: ProgrammeStatement, meta: { printedAt: string; appVersion: string }): ArrayBuffer {
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4' });
  const width = pdf.internal.pageSize.getWidth();
  const height = pdf.internal.pageSize.getHeight();
  const { facility, programme } = statement;

  pdf.setFont('helvetica', 'bold').setFontSize(13);
  pdf.text(`Relevé mensuel – ${programme.name}`, MARGIN, 15, { maxWidth: width - 2 * MARGIN });
  pdf.setFont('helvetica', 'normal').setFontSize(9.5);
  pdf.text(
    `${frenchMonth(statement.month)} – programme ${programme.code}${programme.payer ? ` – payeur : ${programme.payer}` : ''}`,
    MARGIN,
    22,
    {
      maxWidth: width - 2 * MARGIN,
    },
  );
  pdf.text(`${facility.name} (${facility.code}, ${LEVEL_SHORT_LABELS[facility.level]})`, MARGIN, 27);
  pdf.text(
    `${statement.episodes.length} épisode(s) – ${statement.lines} ligne(s) – total ${formatInteger(statement.total)} FCFA – non facturé au RAMED`,
    MARGIN,
    32,
  );

  const body = statement.episodes.flatMap((e) =>
    e.lines.map((l, i) => [
      i === 0 ? e.number : '',
      i === 0 ? `${e.patientName}\n${e.recepisse} – ${e.sex} – ${ageOn(e.birthDate, e.lines[0]!.performedOn)} an(s)` : '',
      i === 0 ? (e.icd10 ?? '') : '',
      frenchDate(l.performedOn),
      `${l.code} ${l.label}`,
      String(l.quantity),
      formatInteger(l.unitPrice),
      formatInteger(l.amount),
    ]),
  );
  autoTable(pdf, {
    startY: 36,
    head: [['N° épisode', 'Patient', 'CIM-10', 'Date', 'Acte ou médicament', 'Qté', 'P.U.', 'Montant (FCFA)']],
    body,
    foot: [
      ['Total', `${statement.episodes.length} épisode(s)`, '', '', `${statement.lines} ligne(s)`, '', '', formatInteger(statement.total)],
    ],
    showFoot: 'lastPage',
    theme: 'grid',
    styles: { font: 'helvetica', fontSize: 7.5, cellPadding: 1, overflow: 'linebreak' },
    headStyles: { fillColor: [33, 80, 120], textColor: 255 },
    footStyles: { fillColor: [230, 236, 242], textColor: 20, fontStyle: 'bold' },
    columnStyles: {
      0: { cellWidth: 25 },
      1: { cellWidth: 42 },
      2: { cellWidth: 13 },
      3: { cellWidth: 17 },
      4: { cellWidth: 'auto' },
      5: { cellWidth: 9, halign: 'right' },
      6: { cellWidth: 15, halign: 'right' },
      7: { cellWidth: 20, halign: 'right' },
    },
    margin: { top: 14, bottom: 16, left: MARGIN, right: MARGIN },
  });

  let y = (pdf as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 8;
  if (y + 36 > height - 16) {
    pdf.addPage();
    y = 20;
  }
  pdf.setFontSize(9);
  const boxes = ['Le responsable de l’établissement', 'Le gestionnaire', 'Visa du programme'];
  const boxWidth = (width - 2 * MARGIN - 2 * 6) / 3;
  boxes.forEach((title, i) => {
    const x = MARGIN + i * (boxWidth + 6);
    pdf.rect(x, y, boxWidth, 30);
    pdf.text(title, x + 2, y + 5);
    pdf.text('Nom, date et signature :', x + 2, y + 26);
  });

  const pages = pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page);
    pdf.setFontSize(7).setTextColor(90);
    pdf.text(
      `Imprimé le ${frenchDate(meta.printedAt)} à ${meta.printedAt.slice(11, 16)} – RAMED Guichet ${meta.appVersion}`,
      MARGIN,
      height - 6,
    );
    pdf.text(`Page ${page}/${pages}`, width - MARGIN, height - 6, { align: 'right' });
    pdf.setTextColor(0);
  }
  return pdf.output('arraybuffer');
}
