import type { Kysely } from 'kysely';
import type { CheckResult, Household, HouseholdMember, PersonMatch, PersonVersion } from '../../../shared/domain/registry-lookup';
import { formatRecepisse, normalizeNina, type PersonView } from '../../../shared/domain/registry';
import { checkEligibility, type Eligibility, type EligibilitySettings } from '../../../shared/rules/eligibility';
import { isoToday } from '../clock';
import { precompiled } from '../db/precompiled';
import { searchWords } from '../db/name-search';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import type { ServiceContext } from '../context';
import { settingValue } from '../settings/settings';
import { personsAsOf, versionAsOf, type StoredVersion } from './as-of';
import { COLUMN_FIELDS, toEligibilityRecord, toPersonView, type PersonRow } from './person-view';
import { needsHolder } from '../../../shared/rules/eligibility';

/** What eligibility needs besides the person: the settings and the day of the last import. */
export interface EligibilityContext {
  date: string;
  settings: EligibilitySettings;
  registryDate: string | null;
  /** False when the desk recorded that no identity document was shown. */
  identityChecked?: boolean;
}

/** The columns of the eligibility context, as scalar subqueries: read in the same query as the persons. */
const contextColumns = (db: Kysely<Database>) =>
  db.selectNoFrom(({ selectFrom }) => [
    selectFrom('registry_import')
      .select((eb) => eb.fn.max('finished_at').as('at'))
      .where('status', '=', 'done')
      .as('registry_at'),
    selectFrom('setting').select('value').where('key', '=', 'eligibility.nearExpiryDays').as('near_expiry'),
    selectFrom('setting').select('value').where('key', '=', 'registry.freshnessDays').as('freshness'),
  ]);

type ContextRow = { registry_at: string | null; near_expiry: string | null; freshness: string | null };

const toContext = (row: ContextRow, date: string): EligibilityContext => ({
  date,
  settings: {
    nearExpiryDays: settingValue('eligibility.nearExpiryDays', row.near_expiry),
    freshnessDays: settingValue('registry.freshnessDays', row.freshness),
  },
  registryDate: row.registry_at ? String(row.registry_at).slice(0, 10) : null,
});

const runContextQuery = precompiled(contextColumns);

export async function eligibilityContext(db: Kysely<Database>, date: string): Promise<EligibilityContext> {
  // One query: the desk asks for it on every search.
  return toContext((await runContextQuery(db))[0]!, date);
}

/** Rows read now, as the registry stood on `date`, made views. */
async function viewsAsOf(db: Kysely<Database>, rows: readonly PersonRow[], date: string): Promise<PersonView[]> {
  return (await personsAsOf(db, rows, () => date)).map(toPersonView);
}

async function personsByRecepisse(db: Kysely<Database>, recepisses: readonly string[], date: string): Promise<Map<string, PersonView>> {
  if (recepisses.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where('recepisse', 'in', [...new Set(recepisses)])
    .execute();
  return new Map((await viewsAsOf(db, rows, date)).map((p) => [p.recepisse, p]));
}

function evaluate(person: PersonView | null, holder: PersonView | null, eligibility: EligibilityContext): Eligibility {
  return checkEligibility({
    person: person && toEligibilityRecord(person),
    holder: holder && toEligibilityRecord(holder),
    date: eligibility.date,
    settings: eligibility.settings,
    registryDate: eligibility.registryDate,
    identityChecked: eligibility.identityChecked,
  });
}

/** Each person as the registry stood on the day, with their eligibility, their holders fetched in one query. */
async function withEligibility(db: Kysely<Database>, rows: readonly PersonRow[], eligibility: EligibilityContext): Promise<PersonMatch[]> {
  const persons = await viewsAsOf(db, rows, eligibility.date);
  const holders = await personsByRecepisse(
    db,
    persons.filter(needsHolder).map((p) => p.holderRecepisse!),
    eligibility.date,
  );
  return persons.map((p) => ({
    ...p,
    eligibility: evaluate(p, needsHolder(p) ? (holders.get(p.holderRecepisse!) ?? null) : null, eligibility),
  }));
}

/**
 * The récépissé check in one query, as the desk runs it all day long: the eligibility context,
 * the person and, for a dependant, the holder; and, only for one whose current version took effect
 * after `date`, their replaced versions (one row each), to answer as the registry stood that day.
 * One row with null person columns when nobody has this récépissé.
 */
export const checkQuery = (db: Kysely<Database>, recepisse: string, date: string) =>
  db
    .selectFrom(contextColumns(db).as('ctx'))
    .leftJoin('person as p', (join) =>
      join.on(({ eb, or, selectFrom }) =>
        or([
          eb('p.recepisse', '=', recepisse),
          eb('p.recepisse', '=', selectFrom('person as d').select('d.holder_recepisse').where('d.recepisse', '=', recepisse)),
        ]),
      ),
    )
    .leftJoin('person_history as h', (join) => join.onRef('h.person_id', '=', 'p.id').on('p.effective_from', '>', date))
    .select(['ctx.registry_at', 'ctx.near_expiry', 'ctx.freshness'])
    .selectAll('p')
    .select(['h.id as version_id', 'h.effective_from as version_from', 'h.previous as version_previous']);

const runCheckQuery = precompiled(checkQuery);

/**
 * The récépissé's eligibility on `date` (today when absent), from the registry as it stood that day.
 * `identityChecked`: false when the desk recorded that no identity document was shown.
 */
export async function checkRecepisse(
  ctx: ServiceContext,
  input: { recepisse: string; date?: string | undefined; identityChecked?: boolean },
): Promise<CheckResult> {
  const { recepisse } = input;
  const date = input.date ?? isoToday(ctx.clock);
  const rows = await runCheckQuery(ctx.db, recepisse, date);
  const eligibility = { ...toContext(rows[0]!, date), identityChecked: input.identityChecked };
  const current = new Map<string, PersonRow>();
  const versions = new Map<string, StoredVersion[]>();
  for (const row of rows) {
    if (row.recepisse === null) continue;
    if (!current.has(row.recepisse)) current.set(row.recepisse, row as PersonRow);
    if (row.version_id !== null) {
      const list = versions.get(row.recepisse) ?? [];
      list.push({ id: Number(row.version_id), effectiveFrom: row.version_from, previous: row.version_previous! });
      versions.set(row.recepisse, list);
    }
  }
  const asOf = (r: string): PersonView | null => {
    const row = current.get(r);
    return row ? toPersonView(versionAsOf(row, versions.get(r) ?? [], date)) : null;
  };
  const person = asOf(recepisse);
  const holder = person && needsHolder(person) ? asOf(person.holderRecepisse!) : null;
  return { ...evaluate(person, holder, eligibility), date, person, holder };
}

/** The eligibility context on the day asked, today when absent. */
const eligibilityOn = (ctx: ServiceContext, date: string | undefined) => eligibilityContext(ctx.db, date ?? isoToday(ctx.clock));

const REGISTRY_BEING_IMPORTED =
  'Registre en cours d’import : la recherche par nom sera possible à la fin de l’import (construction de l’index). En attendant, cherchez par numéro de récépissé.';

/** Name search: accents and case ignored, every word a prefix, any order, best first. */
export async function searchByName(
  ctx: ServiceContext,
  { text, limit, date }: { text: string; limit: number; date?: string | undefined },
): Promise<PersonMatch[]> {
  const { db, features } = ctx;
  const eligibility = await eligibilityOn(ctx, date);
  const words = searchWords(text);
  // A one-letter prefix matches a large part of the country and says little: kept only when alone.
  const useful = words.some((w) => w.length >= 2) ? words.filter((w) => w.length >= 2) : [];
  if (useful.length === 0)
    throw new DomainError('INVALID_INPUT', 'Tapez au moins 2 lettres du nom ou des prénoms.', { text: 'Au moins 2 lettres' });
  const terms = useful.slice(0, 6);
  // Names typed in full come first; then names that begin with what was typed.
  const found = new Map((await features.nameSearch.search(db, terms, limit, false)).map((r) => [Number(r.id), r]));
  if (found.size < limit) {
    for (const row of await features.nameSearch.search(db, terms, limit + found.size, true)) {
      if (found.size >= limit) break;
      if (!found.has(Number(row.id))) found.set(Number(row.id), row);
    }
  }
  // A first import builds the name index at its end: until then the index is empty.
  if (found.size === 0 && (await features.personIndexes.setAsideNow(db))) throw new DomainError('CONFLICT', REGISTRY_BEING_IMPORTED);
  return withEligibility(db, [...found.values()], eligibility);
}

export async function findByNina(ctx: ServiceContext, { nina, date }: { nina: string; date?: string | undefined }): Promise<PersonMatch[]> {
  const eligibility = await eligibilityOn(ctx, date);
  const rows = await ctx.db.selectFrom('person').selectAll().where('nina', '=', normalizeNina(nina)).orderBy('id').limit(20).execute();
  return withEligibility(ctx.db, rows, eligibility);
}

/** The household of any of its members: the titulaire, spouses and children, each one's eligibility. */
export async function householdOf(
  ctx: ServiceContext,
  { recepisse, date }: { recepisse: string; date?: string | undefined },
): Promise<Household> {
  const { db } = ctx;
  const eligibility = await eligibilityOn(ctx, date);
  const person = (await personsByRecepisse(db, [recepisse], eligibility.date)).get(recepisse);
  if (!person) throw new DomainError('NOT_FOUND', `Aucune personne n’a le récépissé ${formatRecepisse(recepisse)} dans le registre.`);
  const holderRecepisse = needsHolder(person) ? person.holderRecepisse! : person.recepisse;
  const holder = (await personsByRecepisse(db, [holderRecepisse], eligibility.date)).get(holderRecepisse) ?? null;
  const members = await db
    .selectFrom('person')
    .selectAll()
    .where('holder_recepisse', '=', holderRecepisse)
    .orderBy('birth_date')
    .orderBy('id')
    .execute();
  const member = (p: PersonView): HouseholdMember => ({ person: p, eligibility: evaluate(p, needsHolder(p) ? holder : null, eligibility) });
  const dependants = (await viewsAsOf(db, members, eligibility.date)).filter(needsHolder);
  return {
    date: eligibility.date,
    holderRecepisse,
    holder: holder ? member(holder) : null,
    spouses: dependants.filter((p) => p.quality === 'conjoint').map(member),
    children: dependants.filter((p) => p.quality === 'enfant').map(member),
  };
}

const FLAG_FIELDS = new Set(['birth_year_only', 'in_school', 'disabled']);

/** The previous versions of a person, newest first, with what changed and the import that changed it. */
export async function personHistory(ctx: ServiceContext, { recepisse }: { recepisse: string }): Promise<PersonVersion[]> {
  const { db } = ctx;
  const person = await db.selectFrom('person').select('id').where('recepisse', '=', recepisse).executeTakeFirst();
  if (!person) throw new DomainError('NOT_FOUND', `Aucune personne n’a le récépissé ${formatRecepisse(recepisse)} dans le registre.`);
  const rows = await db
    .selectFrom('person_history as h')
    .leftJoin('registry_import as i', 'i.id', 'h.import_id')
    .select(['h.import_id', 'i.file_name', 'h.replaced_at', 'h.changed', 'h.previous'])
    .where('h.person_id', '=', person.id)
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map((r) => {
    const previous: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(JSON.parse(r.previous) as Record<string, unknown>)) {
      const field = COLUMN_FIELDS[column];
      if (field) previous[field] = FLAG_FIELDS.has(column) ? value === 1 : value;
    }
    return {
      importId: r.import_id,
      fileName: r.file_name,
      replacedAt: r.replaced_at,
      changed: (JSON.parse(r.changed) as string[]).map((c) => COLUMN_FIELDS[c] ?? c),
      previous: previous as Partial<PersonView>,
    };
  });
}
