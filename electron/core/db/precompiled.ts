import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema/index';

/**
 * A query of fixed shape that kysely builds and compiles once per database handle, then runs with
 * fresh arguments. Building and compiling a query with subqueries costs 50-60 µs of JavaScript and
 * its garbage: more than SQLite takes to answer the récépissé check, run all day at the desk.
 *
 * `build` receives markers in place of its arguments; each one may appear any number of times in
 * the query, and is replaced by its argument wherever the compiled query uses it.
 */
export function precompiled<A extends readonly unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const compiledBy = new WeakMap<Kysely<Database>, { compiled: CompiledQuery<R>; slots: number[] }>();
  return async (db, ...args) => {
    let entry = compiledBy.get(db);
    if (!entry) {
      const markers = args.map((_, i) => `\u0000precompiled-argument-${i}\u0000`);
      const compiled = build(db, ...(markers as unknown as A)).compile();
      // -1: a constant of the query, kept as compiled.
      const slots = compiled.parameters.map((p) => markers.indexOf(p as string));
      if (markers.some((_, i) => !slots.includes(i))) throw new Error('precompiled: an argument is not a parameter of the query');
      entry = { compiled, slots };
      compiledBy.set(db, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((slot, i) => (slot < 0 ? compiled.parameters[i] : args[slot]));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
