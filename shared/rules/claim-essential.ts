import { frenchDate } from '../lib/dates';
import type { ClaimEpisodeInput, ClaimFlag } from '../domain/claims';
import { tariffInForce, type MedicineEntry } from '../domain/reference';
import { formatAmount } from '../lib/money';

/**
 * A medicine billed to the RAMED that the list in force on its day marks off the national
 * essential list (« hors liste essentielle »): flagged, so that the médecin conseil sees it and
 * the manager decides. Given with the justification the pharmacy (or the desk) recorded, it is
 * `OFF_LIST_JUSTIFIED` (a warning by default); without one, `NOT_ESSENTIAL` (blocking by default).
 * An act line whose code is a medicine's is that medicine keyed as an act of the tariff list: the
 * entry asks for the same justification, and this check stays the safety net.
 */
export function checkEssential(episodes: readonly ClaimEpisodeInput[], medicines: readonly MedicineEntry[]): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  for (const e of episodes) {
    for (const l of e.lines) {
      if (l.payer !== 'ramed') continue;
      const medicine = medicines.find((m) => m.code === l.code && tariffInForce(m, l.performedOn));
      if (!medicine || medicine.essential) continue;
      const what = `« ${l.label} » (${formatAmount(l.amount)}) est hors liste nationale des médicaments essentiels le ${frenchDate(l.performedOn)}`;
      flags.push(
        l.offListReason
          ? {
              code: 'OFF_LIST_JUSTIFIED',
              episodeId: e.episodeId,
              lineKey: l.key,
              message: `${what} ; justification : « ${l.offListReason} ».`,
            }
          : { code: 'NOT_ESSENTIAL', episodeId: e.episodeId, lineKey: l.key, message: `${what}, sans justification.` },
      );
    }
  }
  return flags;
}
