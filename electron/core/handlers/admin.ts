import type { adminApi } from '../../../shared/api/admin';
import type { SettingView } from '../../../shared/domain/settings';
import { SETTINGS, type SettingKey } from '../../../shared/domain/settings';
import { verifyAudit } from '../audit/audit-log';
import { onboarding } from '../facility/onboarding';
import { getAllSettings, setSetting, updateSettings } from '../settings/settings';
import type { Handlers } from './types';

function view(key: SettingKey, value: unknown): SettingView {
  const def = SETTINGS[key];
  const secret = 'secret' in def && def.secret === true;
  return {
    key,
    label: def.label,
    value: secret && value ? '***' : value,
    isDefault: JSON.stringify(value) === JSON.stringify(def.schema.parse(def.default)),
    secret,
  };
}

export const adminHandlers: Handlers<typeof adminApi> = {
  'facility.onboarding': async (_input, ctx) => onboarding(ctx),
  'settings.list': async (_input, ctx) => {
    const all = await getAllSettings(ctx.db);
    return (Object.keys(all) as SettingKey[]).map((key) => view(key, all[key]));
  },
  'settings.set': async (input, ctx) => {
    const saved = await setSetting(ctx, input);
    ctx.audit.entityId = saved.key;
    const v = view(saved.key, saved.value);
    // The audit keeps the new value, except for secrets.
    ctx.audit.detail = { value: v.value };
    return v;
  },
  'settings.update': async (input, ctx) => {
    const saved = await updateSettings(ctx, input);
    const changed = saved.filter((s) => JSON.stringify(s.value) !== JSON.stringify(s.previous));
    if (changed.length > 0) ctx.audit.entityId = changed.map((s) => s.key).join(',');
    // The audit keeps each change (before → after), except for secrets.
    ctx.audit.detail = {
      changed: Object.fromEntries(changed.map((s) => [s.key, { from: view(s.key, s.previous).value, to: view(s.key, s.value).value }])),
    };
    const all = await getAllSettings(ctx.db);
    return (Object.keys(all) as SettingKey[]).map((key) => view(key, all[key]));
  },
  'audit.verify': async (_input, ctx) => verifyAudit(ctx.db, ctx.deps.auditKey),
};
