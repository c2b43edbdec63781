import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { frenchDate } from '../../../shared/lib/dates';
import { unitsOf } from '../../../shared/rules/dispense-check';
import type { GeneratedFile } from '../../../shared/contract/files';
import { isoNow, isoToday } from '../clock';
import { getFacility } from '../facility/facility';
import { listBatches, stockAlerts, stockItems } from './stock';
import type { ServiceContext } from '../context';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
/** jsPDF's standard fonts are WinAnsi: the narrow no-break space Intl puts in numbers is not in it. */
const n = (value: number) => integer.format(value).replace(/[\u202f\u00a0]/g, ' ');
const units = (quantity: number, unit: string) => unitsOf(quantity, unit).replace(/[\u202f\u00a0]/g, ' ');

const right = (content: string) => ({ content, styles: { halign: 'right' as const } });
/** Where the last table ended (mm), to put the next title under it. */
const finalY = (doc: jsPDF) => (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;

const ALERT_LABELS = { perime: 'Périmé', sous_seuil: 'Sous le seuil', bientot_perime: 'Périme sous 90 jours' } as const;
const STATE_LABELS = { ok: '', bientot: 'bientôt périmé', perime: 'périmé' } as const;

/** The A4 stock report: batches held with their value, then the alerts; facility, date, page x/y, version. */
export async function stockReportPdf(ctx: ServiceContext): Promise<GeneratedFile> {
  const { db, clock, appVersion } = ctx;
  const today = isoToday(clock);
  const [facility, batches, alerts, items] = await Promise.all([
    getFacility(db),
    listBatches(ctx, { withEmpty: false }),
    stockAlerts(ctx),
    stockItems(ctx),
  ]);
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  const printed = `${frenchDate(today)} à ${isoNow(clock).slice(11, 16)}`;
  doc.setFontSize(14);
  doc.text('État du stock de la pharmacie', 14, 16);
  doc.setFontSize(10);
  doc.text(`${facility?.name ?? 'Établissement non configuré'}${facility ? ` (${facility.code})` : ''}`, 14, 23);
  doc.text(`Imprimé le ${printed}`, 196, 23, { align: 'right' });

  const value = batches.reduce((sum, b) => sum + b.quantity * b.unitCost, 0);
  autoTable(doc, {
    startY: 28,
    head: [['DCI', 'Forme, dosage', 'Lot', 'Péremption', 'Quantité', 'Coût unit.', 'Valeur (FCFA)', 'État']],
    body: batches.map((b) => [
      b.dci,
      `${b.form} ${b.strength}`,
      b.lot,
      frenchDate(b.expiry),
      n(b.quantity),
      n(b.unitCost),
      n(b.quantity * b.unitCost),
      STATE_LABELS[b.state],
    ]),
    // Gélules, flacons and sachets do not add up: the total is the value; quantities are totalled per medicine below.
    foot: [['Total', '', '', '', '', '', right(n(value)), '']],
    styles: { fontSize: 8 },
    headStyles: { fillColor: [31, 78, 121] },
    footStyles: { fillColor: [230, 230, 230], textColor: 20 },
    columnStyles: { 4: { halign: 'right' }, 5: { halign: 'right' }, 6: { halign: 'right' } },
    margin: { bottom: 18 },
  });
  const held = items.filter((i) => i.usable + i.expired > 0);
  doc.setFontSize(11);
  doc.text('Quantités par médicament (chacun dans son unité)', 14, finalY(doc) + 10);
  autoTable(doc, {
    startY: finalY(doc) + 13,
    head: [['DCI', 'Forme, dosage', 'Utilisable', 'Périmé (à retirer)']],
    body: held.length
      ? held.map((i) => [
          i.dci,
          `${i.form} ${i.strength}`,
          right(units(i.usable, i.unit)),
          right(i.expired ? units(i.expired, i.unit) : ''),
        ])
      : [['Aucun médicament en stock', '', '', '']],
    styles: { fontSize: 8 },
    headStyles: { fillColor: [31, 78, 121] },
    margin: { bottom: 18 },
  });
  doc.setFontSize(11);
  doc.text('Alertes', 14, finalY(doc) + 10);
  autoTable(doc, {
    startY: finalY(doc) + 13,
    head: [['Alerte', 'DCI', 'Lot', 'Péremption', 'Quantité', 'Seuil']],
    body: alerts.length
      ? alerts.map((a) => [
          ALERT_LABELS[a.kind],
          a.dci,
          a.lot ?? '',
          a.expiry ? frenchDate(a.expiry) : '',
          n(a.quantity),
          a.threshold === null ? '' : n(a.threshold),
        ])
      : [['Aucune alerte', '', '', '', '', '']],
    styles: { fontSize: 8 },
    headStyles: { fillColor: [31, 78, 121] },
    columnStyles: { 4: { halign: 'right' }, 5: { halign: 'right' } },
    margin: { bottom: 18 },
  });
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFontSize(8);
    doc.text(`RAMED Guichet ${appVersion}`, 14, 290);
    doc.text(`Page ${page}/${pages}`, 196, 290, { align: 'right' });
  }
  const base64 = Buffer.from(doc.output('arraybuffer')).toString('base64');
  return { fileName: `stock-pharmacie-${today}.pdf`, mimeType: 'application/pdf', base64 };
}
