import type { Api } from '../../../shared/api/index';
import { abuseHandlers } from './abuse';
import { adminHandlers } from './admin';
import { anamHandlers } from './anam';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { claimsHandlers } from './claims';
import { episodesHandlers } from './episodes';
import { outboxHandlers } from './outbox';
import { paymentsHandlers } from './payments';
import { pharmacyHandlers } from './pharmacy';
import { programmesHandlers } from './programmes';
import { receptionHandlers } from './reception';
import { registrationHandlers } from './registration';
import { referenceHandlers } from './reference';
import { registryHandlers } from './registry';
import { statisticsHandlers } from './statistics';
import { systemHandlers } from './system';
import type { Handlers } from './types';
import { usersHandlers } from './users';

/** One handler per contract method; the type makes a missing one a compile error. */
export const handlers: Handlers<Api> = {
  ...systemHandlers,
  ...authHandlers,
  ...adminHandlers,
  ...backupHandlers,
  ...referenceHandlers,
  ...episodesHandlers,
  ...claimsHandlers,
  ...pharmacyHandlers,
  ...registryHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...outboxHandlers,
  ...receptionHandlers,
  ...registrationHandlers,
  ...statisticsHandlers,
  ...paymentsHandlers,
  ...anamHandlers,
  ...programmesHandlers,
  ...abuseHandlers,
};
