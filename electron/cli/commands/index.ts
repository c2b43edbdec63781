import type { CliCommand } from '../command';
import { auditVerifyCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { benchCommand } from './bench';
import { claimsBuildCommand, claimsExportCommand, claimsSignCommand, claimsValidateCommand } from './claims';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { outboxSendCommand, outboxStatusCommand } from './outbox';
import { importMedicinesCommand, importTariffsCommand } from './reference';
import { checkCommand, importRegistryCommand, searchCommand } from './registry';
import { settingsGetCommand, settingsSetCommand } from './settings';
import { usersAddCommand, usersListCommand, usersResetCommand } from './users';

/** Every command of `ramed`; a feature adds its commands here. */
export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  demoCommand,
  settingsGetCommand,
  settingsSetCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  importTariffsCommand,
  importMedicinesCommand,
  claimsBuildCommand,
  claimsValidateCommand,
  claimsSignCommand,
  claimsExportCommand,
  importRegistryCommand,
  checkCommand,
  searchCommand,
  usersAddCommand,
  usersListCommand,
  usersResetCommand,
  outboxStatusCommand,
  outboxSendCommand,
  benchCommand,
];
