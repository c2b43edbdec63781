import type { BackupTables } from './backup';
import type { ClaimTables } from './claims';
import type { Dhis2Tables } from './dhis2';
import type { EpisodeTables } from './episodes';
import type { OutboxTables } from './outbox';
import type { PaymentTables } from './payments';
import type { PharmacyTables } from './pharmacy';
import type { ProgrammeTables } from './programmes';
import type { ReceptionTables } from './reception';
import type { ReferenceTables } from './reference';
import type { RegistryTables } from './registry';
import type { ResponseTables } from './responses';
import type { SystemTables } from './system';

/** Every table of the product; each feature adds its own interface here. */
export type Database = SystemTables &
  RegistryTables &
  BackupTables &
  ReferenceTables &
  EpisodeTables &
  ClaimTables &
  PharmacyTables &
  OutboxTables &
  ReceptionTables &
  ResponseTables &
  PaymentTables &
  Dhis2Tables &
  ProgrammeTables;

export type { Flag } from './system';
