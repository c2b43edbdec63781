import { frenchNumberFormat } from '../../../shared/lib/french-number';
const fr = frenchNumberFormat({ maximumFractionDigits: 1 });

/**
 * A full import strikes off whoever its file leaves out: past `maxPercent` of the persons not yet
 * struck off (a truncated or wrong file), it waits for the administrator's explicit go-ahead.
 * Answers the French question to put, or null when the import may go on.
 */
export function strikeOffQuestion(absents: number, notStruckOff: number, maxPercent: number, force: boolean): string | null {
  if (force || absents === 0) return null;
  const share = notStruckOff === 0 ? 100 : (absents * 100) / notStruckOff;
  if (share <= maxPercent) return null;
  return (
    `Cet import complet radierait ${fr.format(absents)} personne(s) sur ${fr.format(notStruckOff)} (${fr.format(share)} %), ` +
    `au-delà du seuil de ${fr.format(maxPercent)} % (paramètre registry.maxStrikeOffPercent). Vérifiez que le fichier est complet, ` +
    'puis confirmez la radiation (--force en ligne de commande). Aucune donnée du registre n’a été modifiée.'
  );
}
