import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import type { PersonRow } from './person-view';

/** A replaced version of a person as stored: when it had taken effect, and its registry columns. */
export interface StoredVersion {
  id: number;
  effectiveFrom: string | null;
  /** JSON object of the version's registry columns (person_history.previous). */
  previous: string;
}

const inForceOn = (effectiveFrom: string | null, date: string): boolean => effectiveFrom === null || effectiveFrom <= date;

/** True when the current version took effect after `date`: only then does the history matter. */
export const currentIsAfter = (person: Pick<PersonRow, 'effective_from'>, date: string): boolean => !inForceOn(person.effective_from, date);

/**
 * The person as the registry stood on `date`: of every version known now, the most recently
 * recorded one that had taken effect on that day (so a later file that backdates a change wins
 * over what it corrects); when none had, the oldest known version, whose own validity dates then
 * decide. Pure: `history` is every replaced version of this person, in any order.
 */
export function versionAsOf(current: PersonRow, history: readonly StoredVersion[], date: string): PersonRow {
  if (inForceOn(current.effective_from, date)) return current;
  const newestFirst = [...history].sort((a, b) => b.id - a.id);
  const version = newestFirst.find((v) => inForceOn(v.effectiveFrom, date)) ?? newestFirst[newestFirst.length - 1];
  if (!version) return current;
  return { ...current, ...(JSON.parse(version.previous) as Partial<PersonRow>), effective_from: version.effectiveFrom };
}

/** The replaced versions of these persons, by person id, in one query. */
export async function storedVersions(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, StoredVersion[]>> {
  const out = new Map<number, StoredVersion[]>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('person_history')
      .select(['id', 'person_id', 'effective_from', 'previous'])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = out.get(Number(r.person_id)) ?? [];
      list.push({ id: Number(r.id), effectiveFrom: r.effective_from, previous: r.previous });
      out.set(Number(r.person_id), list);
    }
  }
  return out;
}

/**
 * Each person as the registry stood on the date `dateOf` gives for them; the history is read only
 * for those whose current version took effect later.
 */
export async function personsAsOf(
  db: Kysely<Database>,
  persons: readonly PersonRow[],
  dateOf: (person: PersonRow) => string,
): Promise<PersonRow[]> {
  const later = persons.filter((p) => currentIsAfter(p, dateOf(p)));
  if (later.length === 0) return [...persons];
  const versions = await storedVersions(
    db,
    later.map((p) => Number(p.id)),
  );
  return persons.map((p) => versionAsOf(p, versions.get(Number(p.id)) ?? [], dateOf(p)));
}
