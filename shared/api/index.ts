import { abuseApi } from './abuse';
import { adminApi } from './admin';
import { anamApi } from './anam';
import { auditApi } from './audit';
import { authApi } from './auth';
import { backupApi } from './backup';
import { claimsApi } from './claims';
import { episodesApi } from './episodes';
import { outboxApi } from './outbox';
import { paymentsApi } from './payments';
import { pharmacyApi } from './pharmacy';
import { programmesApi } from './programmes';
import { receptionApi } from './reception';
import { referenceApi } from './reference';
import { registrationApi } from './registration';
import { registryApi } from './registry';
import { statisticsApi } from './statistics';
import { systemApi } from './system';
import { usersApi } from './users';

/** The whole contract between the window and the back end: each method declared once. */
export const api = {
  ...systemApi,
  ...authApi,
  ...adminApi,
  ...backupApi,
  ...referenceApi,
  ...episodesApi,
  ...claimsApi,
  ...pharmacyApi,
  ...registryApi,
  ...usersApi,
  ...auditApi,
  ...outboxApi,
  ...receptionApi,
  ...registrationApi,
  ...statisticsApi,
  ...paymentsApi,
  ...anamApi,
  ...programmesApi,
  ...abuseApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
