import { addDays } from '../../../shared/lib/dates';
import type { EligibilitySnapshot } from '../../../shared/domain/episodes';
import type { PersonView } from '../../../shared/domain/registry';
import { checkEligibility, type Eligibility } from '../../../shared/rules/eligibility';
import { isoToday } from '../clock';
import { recordCheck, type CheckRecord } from '../reception/record';
import { eligibilityContext } from '../registry/lookup';
import { toEligibilityRecord, toPersonView } from '../registry/person-view';
import { randomFor } from './episodes';
import type { DemoPart } from './part';
import { DESK_CLOSES, DESK_OPENS, DESK_SPAN, deskMinute } from './desk-hours';

/** Refused checks for every hundred admissions, and eligible checks that led to no admission. */
const REFUSED_PER_100 = 22;
const CHECKED_ONLY_PER_100 = 6;
/** Of the refusals, the share of récépissés mistyped or unknown to the registry. */
const NOT_FOUND_SHARE = 0.25;
/** Refusals recorded this very day when the demo month is the current one. */
const TODAY_CHECKS = 4;

const at = (day: string, minutes: number) =>
  `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;

/** A récépissé one digit away from a real one and absent from the registry: what a tired hand types. */
function mistyped(random: () => number, known: ReadonlyMap<string, PersonView>): string {
  const recepisses = [...known.keys()];
  for (;;) {
    const base = recepisses[Math.floor(random() * recepisses.length)]!;
    const i = 4 + Math.floor(random() * 9);
    const typed = `${base.slice(0, i)}${Math.floor(random() * 10)}${base.slice(i + 1)}`;
    if (!known.has(typed)) return typed;
  }
}

/**
 * What the desk recorded over the demo month, as reception.check and reception.admit record it:
 * each demo episode preceded by its eligible check and followed by its admission (identity
 * document included), persons checked and sent away eligible, and refusals with the reasons the
 * eligibility rules give on that day (expired, suspended, struck off, child out of school or over
 * age, holder not eligible, not yet valid, not in the registry). The statistics read these.
 */
export const demoReceptionChecks: DemoPart = {
  label: 'Contrôles de l’accueil du mois',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const db = handle.db;
    const { month } = ctx.options;
    const today = isoToday(clock);
    const first = `${month}-01`;
    const next = `${addDays(first, 31).slice(0, 7)}-01`;
    const end = month === today.slice(0, 7) ? today : addDays(next, -1);
    const persons = new Map(
      (await db.selectFrom('person').selectAll().orderBy('id').limit(5000).execute()).map((r) => [r.recepisse, toPersonView(r)]),
    );
    if (persons.size === 0) {
      ctx.note('Contrôles de l’accueil : le registre est vide, aucun contrôle enregistré');
      return;
    }
    const random = randomFor(`accueil-${month}`);
    const { settings, registryDate } = await eligibilityContext(db, first);
    // The desk's own rules, on the registry held in memory (checkRecepisse would query it each time).
    const eligibilityOn = (person: PersonView | null, day: string): Eligibility => {
      const holder = person?.holderRecepisse ? (persons.get(person.holderRecepisse) ?? null) : null;
      return checkEligibility({
        person: person && toEligibilityRecord(person),
        holder: holder && toEligibilityRecord(holder),
        date: day,
        settings,
        registryDate,
      });
    };

    const records: CheckRecord[] = [];
    const episodes = await db
      .selectFrom('episode')
      .select(['id', 'person_id', 'recepisse', 'opened_at', 'opened_by', 'identity_document', 'identity_matches', 'eligibility'])
      .where('opened_at', '>=', first)
      .where('opened_at', '<', next)
      .orderBy('opened_at')
      .execute();
    for (const e of episodes) {
      const snapshot = JSON.parse(e.eligibility) as EligibilitySnapshot;
      const checkedAt = new Date(Date.parse(e.opened_at) - (1 + Math.floor(random() * 4)) * 60_000).toISOString();
      const common = { byLogin: e.opened_by, recepisse: e.recepisse, personId: e.person_id, eligible: true, reasons: [] };
      records.push({
        ...common,
        at: checkedAt,
        kind: 'verification',
        outcome: 'eligible',
        warnings: snapshot.warnings.filter((w) => w !== 'IDENTITY_NOT_CHECKED'),
      });
      records.push({
        ...common,
        at: e.opened_at,
        kind: 'admission',
        outcome: 'admis',
        warnings: snapshot.warnings,
        identityDocument: e.identity_document,
        identityMatches: e.identity_matches === null ? null : e.identity_matches === 1,
        episodeId: e.id,
      });
    }

    const days: string[] = [];
    for (let d = first; d <= end; d = addDays(d, 1)) days.push(d);
    // The desk opens at 07:30 and admits until 16:30; today, nothing after the present minute, and
    // the first few checks fall today so that « Aujourd’hui » shows a morning's work.
    const now = clock.now();
    const openToday = end === today ? Math.min(now.getUTCHours() * 60 + now.getUTCMinutes(), DESK_CLOSES) - DESK_OPENS : 0;
    let drawn = 0;
    const someTime = () => {
      const onToday = openToday > 0 && drawn++ < TODAY_CHECKS;
      const day = onToday ? today : days[Math.floor(random() * days.length)]!;
      const offset = Math.floor(random() * (onToday ? openToday : DESK_SPAN));
      // The first few fall in the morning already past; any other one on today is squeezed there too.
      return { day, at: at(day, onToday ? DESK_OPENS + offset : deskMinute(day, today, now, offset)) };
    };
    const everyone = [...persons.values()];
    const refusals = Math.max(6, Math.round((episodes.length * REFUSED_PER_100) / 100));
    for (let i = 0; i < refusals; i++) {
      const when = someTime();
      const refused = everyone.filter((p) => !eligibilityOn(p, when.day).eligible);
      const person = refused.length > 0 && random() >= NOT_FOUND_SHARE ? refused[Math.floor(random() * refused.length)]! : null;
      const answer = eligibilityOn(person, when.day);
      records.push({
        at: when.at,
        byLogin: 'accueil',
        kind: 'verification',
        recepisse: person?.recepisse ?? mistyped(random, persons),
        personId: person?.id ?? null,
        eligible: false,
        outcome: 'non_eligible',
        reasons: answer.reasons,
        warnings: answer.warnings,
      });
    }
    const checkedOnly = Math.max(2, Math.round((episodes.length * CHECKED_ONLY_PER_100) / 100));
    for (let i = 0; i < checkedOnly; i++) {
      const when = someTime();
      const eligible = everyone.filter((p) => eligibilityOn(p, when.day).eligible);
      const person = eligible[Math.floor(random() * eligible.length)];
      if (!person) continue;
      records.push({
        at: when.at,
        byLogin: 'accueil',
        kind: 'verification',
        recepisse: person.recepisse,
        personId: person.id,
        eligible: true,
        outcome: 'eligible',
        reasons: [],
        warnings: eligibilityOn(person, when.day).warnings,
      });
    }

    // In time order, as the desk recorded them.
    records.sort((a, b) => a.at.localeCompare(b.at));
    await db.transaction().execute(async (trx) => {
      for (const record of records) await recordCheck(trx, record);
    });
    ctx.note(`Contrôles de l’accueil : ${records.length} enregistrés, dont ${refusals} refus`);
  },
};
