import type { CliCommand } from '../command';
import { auditVerifyCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { importMedicinesCommand, importTariffsCommand } from './reference';
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
  usersAddCommand,
  usersListCommand,
  usersResetCommand,
];
