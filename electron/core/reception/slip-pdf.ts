import { jsPDF } from 'jspdf';
import QRCode from 'qrcode';
import { frenchDate } from '../../../shared/lib/dates';
import { EPISODE_TYPE_LABELS, IDENTITY_DOCUMENT_LABELS } from '../../../shared/domain/episodes';
import { LEVEL_SHORT_LABELS } from '../../../shared/domain/reference';
import { REFERRAL_LABELS } from '../../../shared/domain/reception';
import { QUALITY_LABELS, WARNING_LABELS, formatRecepisse } from '../../../shared/domain/registry';
import type { SlipData } from './slip-data';

const PAGE = { width: 148, height: 210, margin: 12 };
/** Where the QR code of the episode number sits on the A5 page (mm), quiet zone excluded. */
export const SLIP_QR = { x: PAGE.width - PAGE.margin - 30, y: 26, size: 30 };
const LABEL_X = PAGE.margin;
const VALUE_X = PAGE.margin + 36;
const VALUE_WIDTH = PAGE.width - PAGE.margin - VALUE_X;

const warningLabel = (code: string) =>
  (WARNING_LABELS as Record<string, string>)[code] ?? (REFERRAL_LABELS as Record<string, string>)[code] ?? code;

/**
 * The QR code the pharmacy's scanner reads: the episode number alone (EP-2026-000123), which its
 * search field takes as typed. Drawn as vector squares, one rectangle per run of dark modules.
 */
function drawQr(pdf: jsPDF, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = SLIP_QR.size / modules.size;
  pdf.setFillColor(0, 0, 0);
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        pdf.rect(SLIP_QR.x + start * cell, SLIP_QR.y + row * cell, (col - start) * cell, cell, 'F');
        start = -1;
      }
    }
  }
}

/** Writes `text` on one line, in a smaller type if it must (down to 9 pt), cut short beyond that. */
function fitOneLine(pdf: jsPDF, text: string, width: number, size: number, x: number, y: number): void {
  let fitted = text;
  pdf.setFontSize(size);
  while (pdf.getTextWidth(fitted) > width && pdf.getFontSize() > 9) pdf.setFontSize(pdf.getFontSize() - 0.5);
  while (pdf.getTextWidth(fitted) > width) fitted = `${fitted.slice(0, -2)}…`;
  pdf.text(fitted, x, y);
}

/**
 * The admission slip, A5 portrait: the facility, the episode number in large type with its QR
 * code, who the patient is, their rights on the day, the visit and the identity check, who
 * admitted them and when. Printed in black on a cheap laser printer: no meaning in colour alone.
 */
export function slipPdf(slip: SlipData, meta: { printedAt: string; appVersion: string }): ArrayBuffer {
  const pdf = new jsPDF({ unit: 'mm', format: 'a5', orientation: 'portrait' });
  const { facility, patient } = slip;
  const right = PAGE.width - PAGE.margin;

  pdf.setFont('helvetica', 'bold');
  fitOneLine(pdf, facility.name, right - PAGE.margin, 13, PAGE.margin, 15);
  pdf.setFont('helvetica', 'normal').setFontSize(8.5).setTextColor(70);
  const place = [facility.commune, facility.cercle, facility.region].filter(Boolean).join(', ');
  pdf.text(`${LEVEL_SHORT_LABELS[facility.level].toUpperCase()} · code ${facility.code}${place ? ` · ${place}` : ''}`, PAGE.margin, 20.5);
  pdf.setTextColor(0).setDrawColor(0).setLineWidth(0.3);
  pdf.line(PAGE.margin, 23, right, 23);

  pdf.setFont('helvetica', 'bold').setFontSize(14);
  pdf.text('FICHE D’ADMISSION RAMED', PAGE.margin, 32);
  pdf.setFont('helvetica', 'normal').setFontSize(8.5);
  pdf.text('Épisode n°', PAGE.margin, 39);
  pdf.setFont('courier', 'bold').setFontSize(17);
  pdf.text(slip.number, PAGE.margin, 46);
  pdf.setFont('helvetica', 'normal').setFontSize(9.5);
  pdf.text(`Admis le ${frenchDate(slip.openedAt)} à ${slip.openedAt.slice(11, 16)}`, PAGE.margin, 52.5);
  pdf.text(`par ${slip.agent}`, PAGE.margin, 57);
  drawQr(pdf, slip.number);
  pdf.setFontSize(7).setTextColor(70);
  pdf.text('À scanner à la pharmacie', SLIP_QR.x + SLIP_QR.size / 2, SLIP_QR.y + SLIP_QR.size + 4.5, { align: 'center' });
  pdf.setTextColor(0);

  let y = 68;
  const section = (title: string) => {
    y += 2;
    pdf.setFont('helvetica', 'bold').setFontSize(10);
    pdf.text(title, PAGE.margin, y);
    pdf.setLineWidth(0.15).line(PAGE.margin, y + 1.2, right, y + 1.2);
    y += 6;
  };
  const fact = (label: string, value: string, bold = false) => {
    pdf.setFont('helvetica', 'normal').setFontSize(9).setTextColor(70);
    pdf.text(label, LABEL_X, y);
    pdf.setFont('helvetica', bold ? 'bold' : 'normal').setTextColor(0);
    const lines = pdf.splitTextToSize(value, VALUE_WIDTH) as string[];
    pdf.text(lines, VALUE_X, y);
    y += 4.6 * lines.length + 0.6;
  };

  const born = patient.sex === 'F' ? 'née' : 'né';
  section('Patient');
  fact('Nom', patient.name, true);
  fact(
    'Sexe, naissance',
    `${patient.sex === 'F' ? 'Féminin' : 'Masculin'}, ${patient.birthYearOnly ? `${born} vers ${patient.birthDate.slice(0, 4)}` : `${born} le ${frenchDate(patient.birthDate)}`}`,
  );
  fact('Récépissé', formatRecepisse(patient.recepisse), true);
  fact(
    'Qualité',
    `${patient.quality ? QUALITY_LABELS[patient.quality] : 'Absent du registre (demande d’immatriculation)'}${patient.holderRecepisse ? ` (titulaire du foyer : ${formatRecepisse(patient.holderRecepisse)})` : ''}`,
  );

  section('Droits au RAMED');
  const day = frenchDate(slip.openedAt);
  fact('Résultat', slip.eligibility.eligible ? `ÉLIGIBLE le ${day}` : `NON ÉLIGIBLE le ${day}`, true);
  const whose = patient.holderRecepisse ? ' (récépissé du titulaire)' : '';
  const validity =
    slip.validFrom || slip.validTo
      ? `du ${slip.validFrom ? frenchDate(slip.validFrom) : '—'} au ${slip.validTo ? frenchDate(slip.validTo) : '—'}${whose}`
      : 'non précisée';
  fact('Validité', validity);
  if (slip.eligibility.warnings.length > 0) fact('Avertissements', slip.eligibility.warnings.map(warningLabel).join(' ; '));

  section('Venue');
  fact('Type', EPISODE_TYPE_LABELS[slip.type]);
  fact('Urgence', slip.emergency ? 'Oui' : 'Non');
  if (slip.unregistered) {
    fact(
      'Hors registre',
      `ADMIS EN URGENCE HORS REGISTRE (demande d’immatriculation n° ${slip.unregistered.registrationRequestId}) : à régulariser au plus tard le ${frenchDate(slip.unregistered.deadline)}`,
      true,
    );
    if (slip.unregistered.reason) fact('Motif', slip.unregistered.reason);
  }
  fact(
    'Référence',
    slip.referralFrom ? `Référé par ${slip.referralFrom}${slip.referralRef ? ` (réf. ${slip.referralRef})` : ''}` : 'Venu sans référence',
  );

  section('Contrôle d’identité');
  fact('Pièce présentée', `${IDENTITY_DOCUMENT_LABELS[slip.identityDocument]}${slip.identityNumber ? ` n° ${slip.identityNumber}` : ''}`);
  fact(
    'Concordance',
    slip.identityMatches === null
      ? 'Identité non vérifiée (aucune pièce)'
      : slip.identityMatches
        ? 'La pièce correspond à la personne'
        : 'La pièce NE correspond PAS à la personne',
    slip.identityMatches !== true,
  );

  y += 3;
  pdf.setFont('helvetica', 'normal').setFontSize(8.5);
  pdf.text(
    pdf.splitTextToSize(
      'Présentez cette fiche et le récépissé à chaque service (consultation, laboratoire, imagerie, pharmacie).',
      right - PAGE.margin,
    ) as string[],
    PAGE.margin,
    y,
  );

  // Below the text however long its values ran, above the footer.
  const stamp = { width: 58, height: 20, y: Math.max(y + 2, PAGE.height - 40) };
  pdf.setLineWidth(0.2).rect(right - stamp.width, stamp.y, stamp.width, stamp.height);
  pdf.setFontSize(8).setTextColor(70);
  pdf.text('Cachet et visa de l’accueil', right - stamp.width + 2, stamp.y + 4);

  pdf.setFontSize(7).setTextColor(90);
  pdf.text(
    `Imprimé le ${frenchDate(meta.printedAt)} à ${meta.printedAt.slice(11, 16)} – RAMED Guichet ${meta.appVersion}`,
    PAGE.margin,
    PAGE.height - 8,
  );
  pdf.text('Page 1/1', right, PAGE.height - 8, { align: 'right' });
  return pdf.output('arraybuffer');
}
