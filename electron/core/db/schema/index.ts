import type { BackupTables } from './backup';
import type { RegistryTables } from './registry';
import type { SystemTables } from './system';

/** Every table of the product; each feature adds its own interface here. */
export type Database = SystemTables & RegistryTables & BackupTables;

export type { Flag } from './system';
