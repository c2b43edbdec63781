import type { Compilable, CompiledQuery, Kysely } from 'kysely';

const MAX_CACHED = 64;

/**
 * Large multi-row statements compiled once by kysely per shape and size, then run with fresh
 * parameters. Compiling a 1,000-row insert takes about 35 ms; an import of the national registry
 * runs thousands of them, so recompiling each one cost more than the database work itself.
 */
export class BulkStatements {
  readonly #cache = new Map<string, CompiledQuery>();

  /**
   * Runs the statement `build(n)` makes for `n` placeholder values (all null), with `values` as
   * its parameters, in order. `key` names the statement's shape.
   */
  async run<R = unknown>(
    db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    key: string,
    values: readonly unknown[],
    size: number,
    build: (size: number) => Compilable<R>,
  ): Promise<R[]> {
    const cacheKey = `${key}:${size}`;
    let compiled = this.#cache.get(cacheKey);
    if (!compiled) {
      compiled = build(size).compile();
      if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
      this.#cache.set(cacheKey, compiled);
    }
    if (compiled.parameters.length !== values.length) {
      throw new Error(`${key} : ${values.length} paramètres fournis, ${compiled.parameters.length} attendus`);
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters: values });
    return result.rows;
  }
}
