import type { CliCommand } from '../command';
import { auditExportCommand, auditVerifyCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { claimsImportResponseCommand } from './claim-responses';
import { benchCommand } from './bench';
import { claimsBuildCommand, claimsExportCommand, claimsSignCommand, claimsValidateCommand } from './claims';
import { controlsCommand } from './controls';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { outboxExportCommand, outboxRetryCommand, outboxSendCommand, outboxStatusCommand } from './outbox';
import { paymentsAddCommand, paymentsListCommand } from './payments';
import { importProgrammesCommand, programmesListCommand, programmesStatementCommand } from './programmes';
import { pullCommand } from './pull';
import { importControlsCommand, importMedicinesCommand, importTariffsCommand } from './reference';
import { checkCommand, importRegistryCommand, searchCommand } from './registry';
import { settingsGetCommand, settingsSetCommand } from './settings';
import { statsCommand } from './stats';
import { usersAddCommand, usersListCommand, usersResetCommand } from './users';

/** Every command of `ramed`; a feature adds its commands here. */
import { registrationRequestsCommand } from './registration';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  demoCommand,
  settingsGetCommand,
  settingsSetCommand,
  auditVerifyCommand,
  auditExportCommand,
  backupCommand,
  restoreCommand,
  importTariffsCommand,
  importMedicinesCommand,
  importControlsCommand,
  importProgrammesCommand,
  programmesListCommand,
  programmesStatementCommand,
  claimsBuildCommand,
  claimsValidateCommand,
  claimsSignCommand,
  claimsExportCommand,
  importRegistryCommand,
  checkCommand,
  searchCommand,
  registrationRequestsCommand,
  usersAddCommand,
  usersListCommand,
  usersResetCommand,
  outboxStatusCommand,
  outboxSendCommand,
  pullCommand,
  statsCommand,
  controlsCommand,
  outboxExportCommand,
  outboxRetryCommand,
  claimsImportResponseCommand,
  paymentsAddCommand,
  paymentsListCommand,
  benchCommand,
];
