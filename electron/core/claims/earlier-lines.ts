import type { Kysely } from 'kysely';
import type { EarlierLine } from '../../../shared/rules/claim-plausibility';
import { addDays } from '../../../shared/lib/dates';
import type { Database } from '../db/schema/index';

/**
 * The acts the claim's patients had in closed episodes outside the claim, from `lookback` days
 * before `from` to `to`, for the codes a repeat or period rule names: what the repeat checks
 * count before this month. Cancelled lines and their cancellations stay out.
 */
export async function earlierLines(
  db: Kysely<Database>,
  input: {
    personIds: readonly number[];
    episodeIds: readonly number[];
    codes: readonly string[];
    from: string;
    to: string;
    lookback: number;
  },
): Promise<EarlierLine[]> {
  if (input.codes.length === 0 || input.lookback === 0 || input.personIds.length === 0) return [];
  const inClaim = new Set(input.episodeIds);
  const persons = new Set(input.personIds);
  const out: EarlierLine[] = [];
  // One pass over the window's acts of the ruled codes (faster than per-patient lookups).
  {
    const rows = await db
      .selectFrom('prestation')
      .innerJoin('episode', 'episode.id', 'prestation.episode_id')
      .select([
        'episode.id as episode_id',
        'episode.person_id',
        'prestation.id',
        'prestation.cancels_id',
        'prestation.code',
        'prestation.performed_on',
        'prestation.quantity',
      ])
      .where('episode.status', '=', 'clos')
      .where('prestation.kind', '=', 'acte')
      .where('prestation.code', 'in', input.codes)
      .where('prestation.performed_on', '>=', addDays(input.from, -input.lookback))
      .where('prestation.performed_on', '<=', input.to)
      .execute();
    // A cancellation keeps its line's code and day: both are in `rows`, and both stay out.
    const cancelled = new Set(rows.filter((r) => r.cancels_id !== null).map((r) => r.cancels_id));
    for (const r of rows) {
      // An episode still waiting for its registry person has no history to weigh.
      if (r.person_id === null || !persons.has(r.person_id) || inClaim.has(r.episode_id) || r.cancels_id !== null || cancelled.has(r.id))
        continue;
      out.push({ personId: r.person_id, code: r.code, performedOn: r.performed_on, quantity: r.quantity });
    }
  }
  return out;
}
