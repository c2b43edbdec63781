import type { Kysely } from 'kysely';
import { addDays } from '../../../shared/dates';
import type { EligibilitySnapshot } from '../../../shared/domain/episodes';
import { isoToday } from '../clock';
import type { Database } from '../db/schema/index';
import { recordCheck } from '../reception/record';
import { checkRecepisse, eligibilityContext } from '../registry/lookup';
import type { DemoPart } from './parts';

/** Numbers a patient reads out wrongly or a card from another scheme: not in the registry. */
const UNKNOWN = ['1111000999990', '2222333344445', '1111000999991', '7000000000012'];

/** A check a given number of minutes after 07:30 on the day. */
const at = (day: string, minutes: number) => {
  const m = 7 * 60 + 30 + (minutes % (9 * 60));
  return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
};

/** Each demo episode's admission, preceded by the desk's eligibility check, as `reception.admit` records them. */
async function recordAdmissions(db: Kysely<Database>, first: string): Promise<number> {
  const episodes = await db
    .selectFrom('episode')
    .select(['id', 'recepisse', 'person_id', 'opened_at', 'opened_by', 'identity_document', 'identity_matches', 'eligibility'])
    .where('opened_at', '>=', first)
    .orderBy('opened_at')
    .execute();
  for (const e of episodes) {
    const snapshot = JSON.parse(e.eligibility) as EligibilitySnapshot;
    const common = {
      byLogin: e.opened_by,
      recepisse: e.recepisse,
      personId: e.person_id,
      eligible: true,
      reasons: [],
      warnings: snapshot.warnings,
    };
    await recordCheck(db, {
      ...common,
      at: new Date(Date.parse(e.opened_at) - 60_000).toISOString(),
      kind: 'verification',
      outcome: 'eligible',
    });
    await recordCheck(db, {
      ...common,
      at: e.opened_at,
      kind: 'admission',
      outcome: 'admis',
      identityDocument: e.identity_document,
      identityMatches: e.identity_matches === null ? null : e.identity_matches === 1,
      episodeId: e.id,
    });
  }
  return episodes.length;
}

/**
 * Persons turned away at the desk during the month: registry records that are not eligible on the
 * day (expired, suspended, struck off, a child over age…), some of them coming back another day,
 * and numbers absent from the registry.
 */
async function recordRefusals(db: Kysely<Database>, days: readonly string[], wanted: number): Promise<number> {
  const persons = await db.selectFrom('person').select('recepisse').orderBy('id').execute();
  const candidates = [...persons.map((p) => p.recepisse), ...UNKNOWN];
  let refused = 0;
  for (let i = 0; refused < wanted && i < 4 * candidates.length; i++) {
    const recepisse = candidates[(i * 7) % candidates.length]!;
    const day = days[(i * 5) % days.length]!;
    const result = await checkRecepisse(db, recepisse, await eligibilityContext(db, day));
    if (result.eligible) continue;
    await recordCheck(db, {
      at: at(day, i * 37),
      byLogin: 'accueil',
      kind: 'verification',
      recepisse,
      personId: result.person?.id ?? null,
      eligible: false,
      outcome: 'non_eligible',
      reasons: result.reasons,
      warnings: result.warnings,
    });
    refused++;
  }
  return refused;
}

/** The reception desk's record of the month (0009_reception): admissions with the identity shown, and refusals. */
export const demoReceptionChecks: DemoPart = {
  label: 'Accueil : vérifications et admissions du mois',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const first = `${ctx.options.month}-01`;
    const today = isoToday(clock);
    const lastOfMonth = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
    const end = lastOfMonth < today ? lastOfMonth : today;
    const days: string[] = [];
    for (let d = first; d <= end; d = addDays(d, 1)) days.push(d);
    if (days.length === 0) return;
    await handle.db.transaction().execute(async (trx) => {
      const admitted = await recordAdmissions(trx, first);
      const refused = await recordRefusals(trx, days, Math.max(3, Math.round(admitted / 12)));
      ctx.note(`Accueil : ${admitted} admissions et ${refused} refus enregistrés`);
    });
  },
};
