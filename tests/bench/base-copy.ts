import { copyFileSync } from 'node:fs';
import { BareSqlite } from './bare-sqlite';
import { samplePersons, type Sampled } from './lookups';
import { removeDatabase } from './processes';

/** What a part that measures the desk's check on its own copy of the imported base is given. */
export interface PartOnCopy {
  /** The base the import part left (the lookups measure it as it is). */
  imported: string;
  dataDir: string;
  sizes: { persons: number; checks: number };
  seed: number;
  log: (text: string) => void;
}

/**
 * The part's own copy of the imported base, `<dataDir>/<name>-<persons>.db` (its writes stay out of
 * the lookups' base), and `count` persons drawn from it with the part's own seed.
 */
export async function copyWithSample(part: PartOnCopy, name: string, count: number, seedOffset: number): Promise<{ database: string; persons: Sampled[] }> {
  const database = `${part.dataDir}/${name}-${part.sizes.persons}.db`;
  removeDatabase(database);
  copyFileSync(part.imported, database);
  const bare = await BareSqlite.open(database);
  try {
    return { database, persons: await samplePersons(bare, count, part.seed + seedOffset) };
  } finally {
    await bare.close();
  }
}
