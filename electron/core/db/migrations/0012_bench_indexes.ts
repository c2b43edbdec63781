import type { Migration } from './types';

/**
 * What the benchmarks of the national registry asked for: the name search index also indexes
 * 4-letter prefixes (a desk agent types the first letters of a name), on SQLite.
 */
export const m0012BenchIndexes: Migration = {
  name: '0012_bench_indexes',
  async up(db, f) {
    await f.nameSearch.indexLongerPrefixes(db);
  },
};
