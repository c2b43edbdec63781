import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema/index';

export interface TestPerson {
  recepisse: string;
  family_name: string;
  given_names: string;
  sex?: 'M' | 'F';
  birth_date?: string;
  quality?: 'titulaire' | 'conjoint' | 'enfant' | 'admis_de_droit';
  holder_recepisse?: string | null;
  /** End of the récépissé's validity (default 2027-12-31): a test run on a moved clock gives one after its day. */
  valid_to?: string;
}

/**
 * Inserts registry persons directly (the registry import is another feature): only the columns
 * episodes rely on, with plausible defaults. Answers their ids in order.
 */
export async function insertPersons(db: Kysely<Database>, persons: readonly TestPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of persons) {
    const row = await db
      .insertInto('person')
      .values({
        recepisse: p.recepisse,
        family_name: p.family_name,
        given_names: p.given_names,
        sex: p.sex ?? 'F',
        birth_date: p.birth_date ?? '1990-01-01',
        quality: p.quality ?? 'titulaire',
        holder_recepisse: p.holder_recepisse ?? null,
        birth_year_only: 0,
        in_school: 0,
        disabled: 0,
        status: 'actif',
        valid_from: '2025-01-01',
        valid_to: p.valid_to ?? '2027-12-31',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** A person with a generated récépissé, for tests that need many. */
export const somePerson = (n: number, family = 'Traoré', given = 'Aminata'): TestPerson => ({
  recepisse: String(1111000000000 + n),
  family_name: family,
  given_names: given,
});
