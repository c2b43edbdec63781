import { addDays, frenchDate } from '../lib/dates';
import { frenchMonth, monthBounds } from '../lib/months';

/**
 * Where a month stands, seen from `today` (YYYY-MM-DD), for its claim: not begun, running, on its
 * last day (a claim may be built then, with a reason), or ended.
 */
export type ClaimPeriod = 'futur' | 'en_cours' | 'dernier_jour' | 'termine';

export function claimPeriod(month: string, today: string): ClaimPeriod {
  const { first, last } = monthBounds(month);
  if (today < first) return 'futur';
  if (today < last) return 'en_cours';
  return today === last ? 'dernier_jour' : 'termine';
}

/**
 * Why the month's claim cannot be built today, or null. A month is built once it has ended; from
 * its last day only with a reason (the episodes closed later that day go to the next claim).
 */
export function buildRefusal(month: string, today: string, earlyReason: string | null): string | null {
  const { last } = monthBounds(month);
  switch (claimPeriod(month, today)) {
    case 'futur':
      return `${capitalized(frenchMonth(month))} n’a pas commencé : sa réclamation ne peut pas être construite.`;
    case 'en_cours':
      return (
        `${capitalized(frenchMonth(month))} n’est pas terminé : sa réclamation se construit à partir du ` +
        `${frenchDate(addDays(last, 1))} (ou le ${frenchDate(last)}, dernier jour du mois, avec un motif).`
      );
    case 'dernier_jour':
      return earlyReason
        ? null
        : `Le ${frenchDate(last)} est le dernier jour de ${frenchMonth(month)} : indiquez le motif d’une réclamation construite avant la fin du mois.`;
    case 'termine':
      return null;
  }
}

/** Why the month's draft cannot be signed today, or null (the checks are judged apart). */
export function signRefusal(month: string, today: string, draft: { earlyReason: string | null; episodes: number }): string | null {
  const period = claimPeriod(month, today);
  if (period === 'futur' || period === 'en_cours' || (period === 'dernier_jour' && !draft.earlyReason)) {
    return `${capitalized(frenchMonth(month))} n’est pas terminé : la réclamation ne se signe qu’après la fin du mois.`;
  }
  if (draft.episodes === 0)
    return `La réclamation de ${frenchMonth(month)} ne contient aucun épisode : une réclamation vide ne se signe pas.`;
  return null;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The month a late episode belonged to, when it ended before the claimed month began; else null. */
export function lateClosureOf(claimMonth: string, endedOn: string): string | null {
  return endedOn < monthBounds(claimMonth).first ? endedOn.slice(0, 7) : null;
}
