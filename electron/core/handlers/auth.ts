import type { authApi } from '../../../shared/api/auth';
import { authenticate, changePassword, toSessionInfo } from '../auth/users';
import type { ActiveSession } from '../context';
import type { Handlers } from './types';
import { DomainError } from '../errors';

export const authHandlers: Handlers<typeof authApi> = {
  'auth.login': async (input, ctx) => {
    // Runs on the root database: a failed attempt must still be counted.
    const row = await authenticate(ctx.deps.handle.db, ctx.deps.clock, input.login, input.password);
    const info = toSessionInfo(row);
    const now = ctx.deps.clock.now().toISOString();
    ctx.slot.session = { ...info, startedAt: now, lastActivityAt: now } satisfies ActiveSession;
    ctx.audit.entityId = String(row.id);
    return info;
  },
  'auth.session': async (_input, ctx) => {
    const s = ctx.slot.session;
    if (!s || s.userId === null) return null;
    return { userId: s.userId, login: s.login, fullName: s.fullName, roles: s.roles, mustChangePassword: s.mustChangePassword };
  },
  'auth.logout': async (_input, ctx) => {
    ctx.slot.session = null;
    ctx.slot.emit({ type: 'session.ended', reason: 'logout' });
    return null;
  },
  'auth.changePassword': async (input, ctx) => {
    const session = ctx.slot.session;
    if (!session || session.userId === null) throw new DomainError('NOT_AUTHENTICATED', 'Connectez-vous d’abord.');
    const row = await changePassword(ctx.db, ctx.deps.clock, session.userId, input.current, input.next);
    session.mustChangePassword = false;
    ctx.audit.entityId = String(row.id);
    return toSessionInfo(row);
  },
};
