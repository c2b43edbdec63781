import type { SystemTables } from './system';

/** Every table of the product; each feature adds its own interface here. */
export type Database = SystemTables;

export type { Flag } from './system';
