import type { PlausibilityRule } from '../../../shared/rules/claim-plausibility';
import type { Kysely } from 'kysely';
import { tariffInForce } from '../../../shared/domain/reference';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { describeDifferences } from './differences';
import { codeField, collect, dateField, FieldError, flagField, optionalCount, optionalDate } from './fields';
import type { ReferenceSpec } from './import';
import type { Version } from './versions';

type RuleContent = Omit<PlausibilityRule, 'code' | 'effectiveFrom' | 'effectiveTo'>;

const LABELS: Record<keyof RuleContent, string> = {
  sex: 'sexe',
  ageMin: 'âge minimum',
  ageMax: 'âge maximum',
  minDaysBetween: 'intervalle minimum',
  maxPerPeriod: 'maximum par période',
  periodDays: 'période',
  perDay: 'par jour de séjour',
  maxPerDay: 'maximum par jour',
};

function sexField(value: string): 'F' | 'M' | null {
  if (value === '') return null;
  const sex = value.toUpperCase();
  if (sex !== 'F' && sex !== 'M') throw new FieldError(`sexe « ${value} » invalide : F, M ou vide attendu`);
  return sex;
}

/** Ages start at 0: a newborn's act has a maximum age of 0. */
function ageField(column: string, value: string): number | null {
  if (value === '') return null;
  if (!/^\d{1,3}$/.test(value) || Number(value) > 120)
    throw new FieldError(`${column} « ${value} » invalide : âge en années de 0 à 120 attendu`);
  return Number(value);
}

/** The plausibility rules format (docs/claim-controls.md): one line per act or medicine code and period. */
export const plausibilityFile: ReferenceSpec<RuleContent> = {
  kind: 'controles',
  columns: {
    required: ['code', 'debut_effet'],
    optional: [
      'sexe',
      'age_min',
      'age_max',
      'intervalle_min_jours',
      'max_par_periode',
      'periode_jours',
      'par_jour',
      'max_par_jour',
      'fin_effet',
      'commentaire',
    ],
  },
  parseRow(values) {
    const parsed = collect((take) => {
      const code = take(() => codeField(values.code!));
      const from = take(() => dateField('début d’effet', values.debut_effet!));
      const to = take(() => optionalDate('fin d’effet', values.fin_effet ?? ''));
      const content: RuleContent = {
        sex: take(() => sexField(values.sexe ?? '')),
        ageMin: take(() => ageField('âge minimum', values.age_min ?? '')),
        ageMax: take(() => ageField('âge maximum', values.age_max ?? '')),
        minDaysBetween: take(() => optionalCount('intervalle minimum (jours)', values.intervalle_min_jours ?? '', 3660)),
        maxPerPeriod: take(() => optionalCount('maximum par période', values.max_par_periode ?? '', 1000)),
        periodDays: take(() => optionalCount('période (jours)', values.periode_jours ?? '', 3660)),
        perDay: take(() => flagField('par jour de séjour', values.par_jour ?? '', false)),
        maxPerDay: take(() => optionalCount('maximum par jour', values.max_par_jour ?? '', 10000)),
      };
      take(() => {
        if (from && to && to < from) throw new FieldError('la fin d’effet précède le début d’effet');
        if (content.ageMin !== null && content.ageMax !== null && content.ageMax < content.ageMin) {
          throw new FieldError('l’âge maximum précède l’âge minimum');
        }
        if ((content.maxPerPeriod === null) !== (content.periodDays === null)) {
          throw new FieldError('max_par_periode et periode_jours vont ensemble : donnez les deux, ou aucun');
        }
      });
      return { code, from, to, content };
    });
    if ('errors' in parsed) return parsed;
    const { code, from, to, content } = parsed.value;
    return { versions: [{ key: code, from, to, content }] };
  },
  differences: (recorded, given) => describeDifferences(recorded, given, LABELS),
  describeKey: (code) => `la règle de ${code}`,
  async loadExisting(db) {
    const map = new Map<string, Version<RuleContent>[]>();
    for (const r of await listPlausibilityRules(db)) {
      const { code, effectiveFrom, effectiveTo, ...content } = r;
      map.set(code, [...(map.get(code) ?? []), { id: r.id, from: effectiveFrom, to: effectiveTo, content: omitId(content) }]);
    }
    return map;
  },
  async insert(db, rows, importId, now) {
    await db
      .insertInto('plausibility_rule')
      .values(
        rows.map(({ key: code, from, to, content: c }) => ({
          code,
          sex: c.sex,
          age_min: c.ageMin,
          age_max: c.ageMax,
          min_days_between: c.minDaysBetween,
          max_per_period: c.maxPerPeriod,
          period_days: c.periodDays,
          per_day: c.perDay ? (1 as const) : (0 as const),
          max_per_day: c.maxPerDay,
          effective_from: from,
          effective_to: to,
          import_id: importId,
          created_at: now,
        })),
      )
      .execute();
  },
  async close(db, id, to) {
    await db.updateTable('plausibility_rule').set({ effective_to: to }).where('id', '=', id).execute();
  },
};

const omitId = ({ id: _id, ...content }: RuleContent & { id: number }): RuleContent => content;

/** Every version of every rule (the claim picks the one in force on each line's day). */
export async function listPlausibilityRules(db: Kysely<Database>): Promise<Array<PlausibilityRule & { id: number }>> {
  const rows = await db.selectFrom('plausibility_rule').selectAll().orderBy('code').orderBy('effective_from').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    sex: r.sex,
    ageMin: r.age_min,
    ageMax: r.age_max,
    minDaysBetween: r.min_days_between,
    maxPerPeriod: r.max_per_period,
    periodDays: r.period_days,
    perDay: Number(r.per_day) === 1,
    maxPerDay: r.max_per_day,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  }));
}

/** The rules in force on `date` (default: today), as the controls screen lists them. */
export async function plausibilityRulesInForce(ctx: ServiceContext, { date }: { date?: string | undefined }): Promise<PlausibilityRule[]> {
  const day = date ?? isoToday(ctx.clock);
  return (await listPlausibilityRules(ctx.db)).filter((r) => tariffInForce(r, day)).map(({ id: _id, ...rule }) => rule);
}
