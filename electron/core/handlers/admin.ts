import type { adminApi } from '../../../shared/api/admin';
import { verifyAuditChain } from '../audit/verify';
import { onboarding } from '../facility/onboarding';
import { listSettings, settingView } from '../settings/setting-views';
import { setSetting, updateSettings } from '../settings/settings';
import type { Handlers } from './types';

export const adminHandlers: Handlers<typeof adminApi> = {
  'facility.onboarding': async (_input, ctx) => onboarding(ctx),
  'settings.list': async (_input, ctx) => listSettings(ctx),
  'settings.set': async (input, ctx) => {
    const saved = await setSetting(ctx, input);
    ctx.audit.entityId = saved.key;
    const v = settingView(saved.key, saved.value);
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
      changed: Object.fromEntries(
        changed.map((s) => [s.key, { from: settingView(s.key, s.previous).value, to: settingView(s.key, s.value).value }]),
      ),
    };
    return listSettings(ctx);
  },
  'audit.verify': async (_input, ctx) => verifyAuditChain(ctx),
};
