import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import type { Onboarding } from '../domain/onboarding';
import { type SettingView } from '../domain/settings';
import { type AuditVerifyResult } from '../domain/audit';

export const adminApi = {
  'settings.list': defineMethod({
    input: () => z.strictObject({}),
    output: returns<SettingView[]>(),
    access: ['admin'],
    kind: 'query',
  }),
  'settings.set': defineMethod({
    input: () => z.strictObject({ key: z.string().min(1).max(100), value: z.unknown() }),
    output: returns<SettingView>(),
    access: ['admin'],
    kind: 'command',
    entity: 'setting',
    // The handler writes the value to the audit itself, masked for secret settings.
    secret: ['value'],
  }),
  /** Several settings at once (a section of the settings screen): all valid and saved, or none. */
  'settings.update': defineMethod({
    input: () => z.strictObject({ values: z.record(z.string().min(1).max(100), z.unknown()) }),
    output: returns<SettingView[]>(),
    access: ['admin'],
    kind: 'command',
    entity: 'setting',
    // The handler writes what changed to the audit itself, masked for secret settings.
    secret: ['values'],
  }),
  /** Where the facility stands in its setup (registry, tariffs, medicines, users, backups, ANAM), with warnings. */
  'facility.onboarding': defineMethod({
    input: () => z.strictObject({}),
    output: returns<Onboarding>(),
    access: ['admin'],
    kind: 'query',
  }),
  'audit.verify': defineMethod({
    input: () => z.strictObject({}),
    output: returns<AuditVerifyResult>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
};
