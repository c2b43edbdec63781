import { frenchDate } from './dates';
import type { ClaimEpisodeInput, ClaimFlag } from './domain/claims';
import { tariffInForce, type MedicineEntry } from './domain/reference';
import { formatAmount } from './money';

/**
 * A medicine billed to the RAMED that the list in force on its day marks off the national
 * essential list (« hors liste essentielle »): flagged, so that the médecin conseil sees it and
 * the manager decides (settings `claims.check.NOT_ESSENTIAL`).
 */
export function checkEssential(episodes: readonly ClaimEpisodeInput[], medicines: readonly MedicineEntry[]): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  for (const e of episodes) {
    for (const l of e.lines) {
      if (l.kind !== 'medicament' || l.payer !== 'ramed') continue;
      const medicine = medicines.find((m) => m.code === l.code && tariffInForce(m, l.performedOn));
      if (medicine && !medicine.essential) {
        flags.push({
          code: 'NOT_ESSENTIAL',
          episodeId: e.episodeId,
          lineKey: l.key,
          message: `« ${l.label} » (${formatAmount(l.amount)}) est hors liste nationale des médicaments essentiels le ${frenchDate(l.performedOn)}.`,
        });
      }
    }
  }
  return flags;
}
