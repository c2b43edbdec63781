import type { Kysely } from 'kysely';
import type { DialectFeatures } from '../dialect';

/**
 * A schema step. Migrations get `Kysely<any>` on purpose: they describe the schema as it was
 * at their time, not the current typed interface.
 */
export interface Migration {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, features: DialectFeatures): Promise<void>;
}
