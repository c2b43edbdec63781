import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import { daysBetween, frenchDate } from '../../../shared/lib/dates';
import { LEVEL_SHORT_LABELS } from '../../../shared/domain/reference';
import type { StatisticsReport } from '../../../shared/domain/statistics';
import { formatInteger } from '../../../shared/lib/money';
import { keyFigures } from '../../../shared/rules/statistics/key-figures';

export interface MonthlyPdfMeta {
  printedAt: string;
  appVersion: string;
}

const PAGE = { width: 210, height: 297, margin: 12 };
const COLUMN_GAP = 6;
const COLUMN_WIDTH = (PAGE.width - 2 * PAGE.margin - COLUMN_GAP) / 2;
const BLUE: [number, number, number] = [33, 80, 120];

const n = (value: number | null) => (value === null ? '—' : formatInteger(value));

interface Block {
  title: string;
  head: string[];
  body: RowInput[];
  /** Rows beyond the first ones, left out to keep the report on one page. */
  more?: number;
  /** Columns (by index) aligned right: the figures. */
  numeric: number[];
  /** Width of the first column, the label, in mm (the others share the rest). */
  labelWidth: number;
}

/** The first `max` rows, and a last row saying how many more the CSV holds. */
function capped<T>(rows: readonly T[], max: number): { rows: T[]; more: number } {
  return rows.length <= max ? { rows: [...rows], more: 0 } : { rows: rows.slice(0, max - 1), more: rows.length - (max - 1) };
}

function leftBlocks(r: StatisticsReport): Block[] {
  const reasons = capped(r.claims.reasons, 5);
  const refusals = capped(r.eligibility.reasons, 6);
  const agents = capped(r.agents, 6);
  return [
    {
      title: 'Épisodes par type',
      head: ['Type', 'Épisodes', 'Urgences', '%'],
      body: r.episodeTypes.map((t) => [t.label, n(t.episodes), n(t.emergencies), t.share === null ? '—' : String(t.share)]),
      numeric: [1, 2, 3],
      labelWidth: 44,
    },
    {
      title: 'Prestations par catégorie (RAMED)',
      head: ['Catégorie', 'Lignes', 'Montant (FCFA)'],
      body: r.prestations.length
        ? [
            ...r.prestations.map((p) => [p.label, n(p.lines), n(p.amount)]),
            ['Total', n(r.prestations.reduce((s, p) => s + p.lines, 0)), n(r.prestationsAmount)],
          ]
        : [['Aucune prestation', '', '']],
      numeric: [1, 2],
      labelWidth: 44,
    },
    {
      title: 'Motifs de rejet de l’ANAM',
      head: ['Motif', 'Lignes', 'Montant (FCFA)'],
      body: r.claims.answered
        ? reasons.rows.length
          ? reasons.rows.map((x) => [x.label, n(x.lines), n(x.amount)])
          : [['Aucune ligne rejetée', '', '']]
        : [['Aucune réponse de l’ANAM enregistrée', '', '']],
      more: reasons.more,
      numeric: [1, 2],
      labelWidth: 52,
    },
    {
      title: 'Refus d’éligibilité à l’accueil',
      head: ['Motif', 'Refus', '%'],
      body: refusals.rows.length
        ? refusals.rows.map((x) => [x.label, n(x.refusals), x.share === null ? '—' : String(x.share)])
        : [[r.eligibility.checked ? 'Aucun refus' : 'Aucune vérification enregistrée', '', '']],
      more: refusals.more,
      numeric: [1, 2],
      labelWidth: 62,
    },
    {
      title: 'Admissions sans pièce vérifiée, par agent',
      head: ['Agent', 'Adm.', 'Réc. seul', 'Non conc.'],
      body: agents.rows.length
        ? agents.rows.map((a) => [a.name, n(a.admissions), n(a.receiptOnly), n(a.mismatches)])
        : [['Aucune admission', '', '', '']],
      more: agents.more,
      numeric: [1, 2, 3],
      labelWidth: 40,
    },
  ];
}

function rightBlocks(r: StatisticsReport): Block[] {
  const medicines = capped(r.medicines, 10);
  const stock = capped(r.stock, 8);
  const days = daysBetween(r.stockFrom, r.through) + 1;
  return [
    {
      title: 'Médicaments dispensés (les plus coûteux)',
      head: ['DCI, forme et dosage', 'Qté', 'Montant (FCFA)'],
      body: medicines.rows.length
        ? [...medicines.rows.map((m) => [`${m.dci} ${m.presentation}`, n(m.quantity), n(m.amount)]), ['Total', '', n(r.medicinesAmount)]]
        : [['Aucun médicament dispensé', '', '']],
      more: medicines.more,
      numeric: [1, 2],
      labelWidth: 60,
    },
    {
      title: 'Ruptures de stock et demande non satisfaite',
      head: ['DCI, forme et dosage', `Jours (sur ${days})`, 'Demandes'],
      body: stock.rows.length
        ? stock.rows.map((s) => [`${s.dci} ${s.presentation}`, n(s.daysOutOfStock), n(s.requests)])
        : [['Ni rupture ni demande non satisfaite', '', '']],
      more: stock.more,
      numeric: [1, 2],
      labelWidth: 57,
    },
    {
      title: 'Identité vérifiée à l’admission',
      head: ['Pièce présentée', 'Admissions', 'Concordante', 'Non conc.'],
      body: r.identity.map((i) => [i.label, n(i.checks), n(i.matched), n(i.mismatched)]),
      numeric: [1, 2, 3],
      labelWidth: 40,
    },
  ];
}

/** Draws blocks one under the other in a column; answers where the column ends. */
function drawColumn(pdf: jsPDF, blocks: readonly Block[], x: number, startY: number): number {
  let y = startY;
  for (const block of blocks) {
    pdf
      .setFont('helvetica', 'bold')
      .setFontSize(8.5)
      .setTextColor(...BLUE);
    pdf.text(block.title, x, y + 3);
    pdf.setTextColor(0);
    const body = block.more
      ? [
          ...block.body,
          [
            {
              content: `… et ${block.more} autre(s) : voir le CSV de l’écran Statistiques`,
              colSpan: block.head.length,
              styles: { fontStyle: 'italic' as const },
            },
          ],
        ]
      : block.body;
    autoTable(pdf, {
      startY: y + 4.5,
      head: [block.head],
      body,
      theme: 'grid',
      tableWidth: COLUMN_WIDTH,
      margin: { left: x, right: PAGE.width - x - COLUMN_WIDTH },
      styles: { font: 'helvetica', fontSize: 7, cellPadding: 0.8, overflow: 'ellipsize', lineWidth: 0.1 },
      headStyles: { fillColor: BLUE, textColor: 255, fontStyle: 'bold' },
      columnStyles: {
        0: { cellWidth: block.labelWidth },
        ...Object.fromEntries(block.numeric.map((i) => [i, { halign: 'right' as const }])),
      },
      pageBreak: 'avoid',
    });
    y = (pdf as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 4;
  }
  return y;
}

/** The key figures as a grid of boxes: label, value, what it covers. */
function drawKeyFigures(pdf: jsPDF, r: StatisticsReport, y: number): number {
  const figures = keyFigures(r);
  const perRow = 4;
  const gap = 3;
  const width = (PAGE.width - 2 * PAGE.margin - (perRow - 1) * gap) / perRow;
  const height = 15;
  figures.forEach((f, i) => {
    const x = PAGE.margin + (i % perRow) * (width + gap);
    const top = y + Math.floor(i / perRow) * (height + gap);
    pdf.setDrawColor(200).setFillColor(246, 248, 250).rect(x, top, width, height, 'FD');
    pdf.setFont('helvetica', 'normal').setFontSize(7).setTextColor(90);
    pdf.text(f.label, x + 2, top + 4);
    pdf.setFont('helvetica', 'bold').setFontSize(11).setTextColor(0);
    pdf.text(f.value, x + 2, top + 9.5);
    pdf.setFont('helvetica', 'normal').setFontSize(6.5).setTextColor(90);
    pdf.text(pdf.splitTextToSize(f.note, width - 4)[0] as string, x + 2, top + 13.2);
  });
  pdf.setTextColor(0);
  return y + Math.ceil(figures.length / perRow) * (height + gap);
}

/**
 * The monthly report for the district: one A4 portrait page with the facility, the month, the key
 * figures and the main tables (their longest rows only; the screen's CSV files hold them all).
 */
export function monthlyReportPdf(r: StatisticsReport, meta: MonthlyPdfMeta): ArrayBuffer {
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4' });
  const m = PAGE.margin;
  pdf.setFont('helvetica', 'bold').setFontSize(14);
  pdf.text(`Rapport mensuel RAMED – ${r.label}`, m, 16);
  pdf.setFont('helvetica', 'normal').setFontSize(9.5);
  const f = r.facility;
  const place = f ? [f.commune, f.cercle, f.region].filter(Boolean).join(', ') : '';
  pdf.text(
    f ? `${f.name} (${f.code}) – ${LEVEL_SHORT_LABELS[f.level]}${place ? ` – ${place}` : ''}` : 'Établissement non configuré',
    m,
    22,
  );
  pdf.text(
    `Période du ${frenchDate(r.first)} au ${frenchDate(r.last)}${r.running ? ` – mois en cours, compté jusqu’au ${frenchDate(r.through)}` : ''}`,
    m,
    27,
  );

  const top = drawKeyFigures(pdf, r, 31) + 2;
  drawColumn(pdf, leftBlocks(r), m, top);
  drawColumn(pdf, rightBlocks(r), m + COLUMN_WIDTH + COLUMN_GAP, top);

  const bottom = PAGE.height - 10;
  pdf.setFont('helvetica', 'bold').setFontSize(8).setTextColor(0);
  pdf.text('Le gestionnaire RAMED (nom, date, signature) :', m, bottom - 12);
  pdf.text('Visa du district sanitaire :', m + COLUMN_WIDTH + COLUMN_GAP, bottom - 12);
  pdf.setFont('helvetica', 'normal').setFontSize(7).setTextColor(90);
  pdf.text(
    `Patients : nouveaux = premier épisode dans l’établissement. Refus comptés une fois par personne et par jour. Montants en FCFA.`,
    m,
    bottom - 3.5,
  );
  pdf.text(`Imprimé le ${frenchDate(meta.printedAt)} à ${meta.printedAt.slice(11, 16)} – RAMED Guichet ${meta.appVersion}`, m, bottom);
  pdf.text(`Page 1/${pdf.getNumberOfPages()}`, PAGE.width - m, bottom, { align: 'right' });
  return pdf.output('arraybuffer');
}
