import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { facilityInput, type Facility } from '../domain/facility';
import { fullName, loginName, newPassword, type SessionInfo } from '../domain/users';
import { type AppInfo, type DemoAccount } from '../domain/system';

export const systemApi = {
  'system.info': defineMethod({
    input: () => z.strictObject({}),
    output: returns<AppInfo>(),
    access: 'public',
    kind: 'query',
  }),
  'setup.create': defineMethod({
    input: () =>
      z.strictObject({
        facility: facilityInput,
        admin: z.strictObject({ login: loginName, fullName, password: newPassword }),
      }),
    output: returns<SessionInfo>(),
    access: 'public',
    kind: 'command',
    entity: 'facility',
    secret: ['admin.password'],
  }),
  'setup.demo': defineMethod({
    input: () =>
      z.strictObject({
        /** The month the demo activity falls in (default: the current month). */
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM, par exemple 2026-10.')
          .optional(),
        /** How many episodes the demo opens (default 120). */
        episodes: z.number().int().min(0).max(100_000).optional(),
      }),
    output: returns<{ accounts: DemoAccount[] }>(),
    access: 'public',
    kind: 'command',
    entity: 'demo',
    ownTransactions: true,
  }),
  'jobs.cancel': defineMethod({
    input: () => z.strictObject({ jobId: z.string().min(1).max(64) }),
    output: returns<{ cancelled: boolean }>(),
    access: 'any',
    kind: 'query',
  }),
  'facility.update': defineMethod({
    input: () => facilityInput,
    output: returns<Facility>(),
    access: ['admin'],
    kind: 'command',
    entity: 'facility',
  }),
};
