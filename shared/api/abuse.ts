import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import type { AbuseReport } from '../domain/abuse';
import { isoMonth } from '../lib/months';
import type { Role } from '../domain/roles';

/** The manager's screens (statistics, claims) are the gestionnaire's alone. */
const MANAGER: readonly Role[] = ['gestionnaire'];

export const abuseApi = {
  /** « Contrôle des abus » of a month: patients, households, agents, prescribers and costly episodes against the facility's median. */
  'abuse.month': defineMethod({
    input: () => z.strictObject({ month: isoMonth }),
    output: returns<AbuseReport>(),
    access: MANAGER,
    kind: 'query',
  }),
};
