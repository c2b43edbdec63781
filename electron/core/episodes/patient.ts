import { sql } from 'kysely';

/**
 * The patient's name, sex and birth in a query that left-joins both the registry person and the
 * registration request of the episode: the registry's, or, while an emergency admitted out of
 * the registry waits for its person (0030), what the desk typed on the request. `person` and
 * `request` are the aliases of the two joined tables.
 */
export function patientColumns(person: string, request: string) {
  const either = (column: string) => sql`coalesce(${sql.ref(`${person}.${column}`)}, ${sql.ref(`${request}.${column}`)})`;
  return [
    sql<string>`${either('family_name')}`.as('family_name'),
    sql<string>`${either('given_names')}`.as('given_names'),
    sql<'M' | 'F'>`${either('sex')}`.as('sex'),
    sql<string>`${either('birth_date')}`.as('birth_date'),
    sql<number>`${either('birth_year_only')}`.as('birth_year_only'),
  ] as const;
}
