import { daysBetween, frenchDate } from '../lib/dates';
import type { ClaimCheck, ClaimEpisodeInput, ClaimFlag, ClaimLine } from '../domain/claims';
import { ageOn } from './eligibility';
import { tariffInForce } from '../domain/reference';

/**
 * The plausibility rules of the médecin conseil, as data (a versioned list imported like the
 * tariffs): what an act or a medicine may be billed for, by whom and how often. Pure: the caller
 * supplies the claim's episodes, the patients' earlier lines, and the rules in force.
 */
export interface PlausibilityRule {
  /** An act code of the tariff, or a medicine code of the medicines list. */
  code: string;
  /** Only for this sex (null: either). */
  sex: 'F' | 'M' | null;
  /** Age in full years on the day of care, inclusive bounds (null: no bound). */
  ageMin: number | null;
  ageMax: number | null;
  /** Fewest days between two of this act for one patient (null: no minimum). */
  minDaysBetween: number | null;
  /** Most of this act for one patient within `periodDays` days (both set, or neither). */
  maxPerPeriod: number | null;
  periodDays: number | null;
  /** A per-day act (a day of stay): its units in an episode are at most the days of the stay. */
  perDay: boolean;
  /** A medicine's most units per day: its units in an episode are at most this × the days of the stay. */
  maxPerDay: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** A line the patient had before this claim (earlier claims), for the repeat and period rules. */
export interface EarlierLine {
  personId: number;
  code: string;
  performedOn: string;
  quantity: number;
}

export type PlausibilityCheck = Extract<
  ClaimCheck,
  | 'IMPLAUSIBLE_SEX'
  | 'IMPLAUSIBLE_AGE'
  | 'REPEAT_TOO_SOON'
  | 'OVER_PERIOD_LIMIT'
  | 'DAYS_OVER_STAY'
  | 'OVERLAPPING_STAYS'
  | 'DOSE_OVER_MAXIMUM'
>;

/** Episode types that are stays: two of them cannot overlap for one patient. */
const STAY_TYPES = new Set(['hospitalisation', 'maternite']);

const SEX_WORDS = { F: 'une femme', M: 'un homme' } as const;

/** Days of the episode, both ends counted: a stay from the 1st to the 3rd is 3 days. */
export const stayDays = (e: Pick<ClaimEpisodeInput, 'openedOn' | 'endedOn'>): number => Math.max(1, daysBetween(e.openedOn, e.endedOn) + 1);

/** The rule in force for a code on a day: the latest version that covers the day. */
export function ruleFor(rules: readonly PlausibilityRule[], code: string, day: string): PlausibilityRule | undefined {
  return rules.find((r) => r.code === code && tariffInForce(r, day));
}

type Flag = Omit<ClaimFlag, 'code'> & { code: PlausibilityCheck };

function lineFlags(e: ClaimEpisodeInput, l: ClaimLine, rule: PlausibilityRule): Flag[] {
  const flags: Flag[] = [];
  const flag = (code: PlausibilityCheck, message: string) => flags.push({ code, episodeId: e.episodeId, lineKey: l.key, message });
  if (rule.sex && rule.sex !== e.sex) {
    flag(
      'IMPLAUSIBLE_SEX',
      `« ${l.label} » facturé pour ${SEX_WORDS[e.sex]} (${e.patientName}) : cet acte est réservé à ${SEX_WORDS[rule.sex]}.`,
    );
  }
  if (rule.ageMin !== null || rule.ageMax !== null) {
    const age = ageOn(e.birthDate, l.performedOn);
    if ((rule.ageMin !== null && age < rule.ageMin) || (rule.ageMax !== null && age > rule.ageMax)) {
      const range =
        rule.ageMin !== null && rule.ageMax !== null
          ? `de ${rule.ageMin} à ${rule.ageMax} ans`
          : rule.ageMin !== null
            ? `à partir de ${rule.ageMin} ans`
            : `jusqu’à ${rule.ageMax} ans`;
      flag('IMPLAUSIBLE_AGE', `« ${l.label} » pour un patient de ${age} an(s) le ${frenchDate(l.performedOn)} : prévu ${range}.`);
    }
  }
  const days = stayDays(e);
  if (rule.perDay && l.kind === 'acte') {
    const units = e.lines.filter((o) => o.code === l.code).reduce((sum, o) => sum + o.quantity, 0);
    if (units > days && e.lines.find((o) => o.code === l.code) === l) {
      flag(
        'DAYS_OVER_STAY',
        `${units} « ${l.label} » pour un séjour de ${days} jour(s) (du ${frenchDate(e.openedOn)} au ${frenchDate(e.endedOn)}).`,
      );
    }
  }
  if (rule.maxPerDay !== null && l.kind === 'medicament') {
    const units = e.lines.filter((o) => o.code === l.code).reduce((sum, o) => sum + o.quantity, 0);
    const most = rule.maxPerDay * days;
    if (units > most && e.lines.find((o) => o.code === l.code) === l) {
      flag(
        'DOSE_OVER_MAXIMUM',
        `${units} unités de « ${l.label} » sur ${days} jour(s) : ${rule.maxPerDay} par jour au plus, soit ${most}.`,
      );
    }
  }
  return flags;
}

interface Occurrence {
  personId: number;
  code: string;
  day: string;
  quantity: number;
  /** Null for an earlier line (history: never flagged). */
  episode: ClaimEpisodeInput | null;
  line: ClaimLine | null;
}

/** Repeats of an act for one patient: too soon after the previous one, or past the period's maximum. */
function repeatFlags(occurrences: readonly Occurrence[], rules: readonly PlausibilityRule[]): Flag[] {
  const flags: Flag[] = [];
  const byPatientAct = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = `${o.personId}|${o.code}`;
    const list = byPatientAct.get(key);
    if (list) list.push(o);
    else byPatientAct.set(key, [o]);
  }
  for (const list of byPatientAct.values()) {
    list.sort((a, b) => a.day.localeCompare(b.day) || Number(a.episode !== null) - Number(b.episode !== null));
    list.forEach((o, i) => {
      if (!o.episode || !o.line) return;
      const rule = ruleFor(rules, o.code, o.day);
      if (!rule) return;
      const flag = (code: PlausibilityCheck, message: string) =>
        flags.push({ code, episodeId: o.episode!.episodeId, lineKey: o.line!.key, message });
      const previous = list[i - 1];
      // The same day is DUPLICATE_ACT's business; a repeat is on a later day.
      if (rule.minDaysBetween !== null && previous && previous.day !== o.day) {
        const gap = daysBetween(previous.day, o.day);
        if (gap < rule.minDaysBetween) {
          flag(
            'REPEAT_TOO_SOON',
            `« ${o.line.label} » pour ${o.episode.patientName} le ${frenchDate(o.day)}, ${gap} jour(s) après celui du ${frenchDate(previous.day)} : ` +
              `${rule.minDaysBetween} jours au moins entre deux.`,
          );
        }
      }
      if (rule.maxPerPeriod !== null && rule.periodDays !== null) {
        const within = list.slice(0, i + 1).filter((p) => daysBetween(p.day, o.day) < rule.periodDays!);
        const count = within.reduce((sum, p) => sum + p.quantity, 0);
        if (count > rule.maxPerPeriod) {
          flag(
            'OVER_PERIOD_LIMIT',
            `« ${o.line.label} » : ${count} pour ${o.episode.patientName} en ${rule.periodDays} jours jusqu’au ${frenchDate(o.day)}, ` +
              `pour ${rule.maxPerPeriod} au plus.`,
          );
        }
      }
    });
  }
  return flags;
}

/** Two stays of one patient whose dates overlap: the later one is flagged. */
function overlappingStays(episodes: readonly ClaimEpisodeInput[]): Flag[] {
  const flags: Flag[] = [];
  const stays = episodes
    .filter((e) => STAY_TYPES.has(e.type))
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.episodeId - b.episodeId);
  const lastByPatient = new Map<number, ClaimEpisodeInput>();
  for (const e of stays) {
    const before = lastByPatient.get(e.personId);
    if (before && e.openedOn < before.endedOn) {
      flags.push({
        code: 'OVERLAPPING_STAYS',
        episodeId: e.episodeId,
        lineKey: null,
        message:
          `${e.patientName} : séjour du ${frenchDate(e.openedOn)} au ${frenchDate(e.endedOn)} pendant celui de l’épisode ${before.number} ` +
          `(du ${frenchDate(before.openedOn)} au ${frenchDate(before.endedOn)}).`,
      });
    }
    if (!before || e.endedOn > before.endedOn) lastByPatient.set(e.personId, e);
  }
  return flags;
}

/** Every plausibility flag of the claim's episodes, against the rules and the patients' earlier lines. */
export function checkPlausibility(
  episodes: readonly ClaimEpisodeInput[],
  rules: readonly PlausibilityRule[],
  earlier: readonly EarlierLine[],
): ClaimFlag[] {
  const flags: Flag[] = [];
  const occurrences: Occurrence[] = earlier.map((l) => ({ ...l, day: l.performedOn, episode: null, line: null }));
  for (const e of episodes) {
    for (const l of e.lines) {
      const rule = ruleFor(rules, l.code, l.performedOn);
      if (!rule) continue;
      flags.push(...lineFlags(e, l, rule));
      if (l.kind === 'acte')
        occurrences.push({ personId: e.personId, code: l.code, day: l.performedOn, quantity: l.quantity, episode: e, line: l });
    }
  }
  return [...flags, ...repeatFlags(occurrences, rules), ...overlappingStays(episodes)];
}

/** The furthest back, in days, any rule looks for earlier lines (the period or the repeat gap). */
export function lookbackDays(rules: readonly PlausibilityRule[]): number {
  return rules.reduce((most, r) => Math.max(most, r.periodDays ?? 0, r.minDaysBetween ?? 0), 0);
}
