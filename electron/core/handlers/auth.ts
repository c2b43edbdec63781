import type { authApi } from '../../../shared/api/auth';
import { checkSession, endSession, lockSession, openSession, sessionState } from '../auth/sessions';
import { authenticate, changePassword, isLockedOut, toSessionInfo, verifyCredentials } from '../auth/users';
import type { Handlers } from './types';
import { DomainError } from '../errors';

export const authHandlers: Handlers<typeof authApi> = {
  'auth.login': async (input, ctx) => {
    const row = await authenticate(ctx, input);
    ctx.audit.entityId = row.login;
    return openSession(ctx.slot, row, ctx.clock);
  },
  'auth.session': async (_input, ctx) => {
    const check = await checkSession(ctx.deps, ctx.slot);
    if (check.state === 'none' || check.state === 'ended' || check.session.userId === null) return null;
    return sessionState(check);
  },
  'auth.logout': async (_input, ctx) => {
    endSession(ctx.slot, 'logout');
    return null;
  },
  'auth.changePassword': async (input, ctx) => {
    const session = ctx.slot.session;
    if (!session || session.userId === null) throw new DomainError('NOT_AUTHENTICATED', 'Connectez-vous d’abord.');
    const row = await changePassword(ctx, { userId: session.userId, current: input.current, next: input.next });
    session.mustChangePassword = false;
    session.sessionVersion = row.session_version;
    ctx.audit.entityId = row.login;
    return toSessionInfo(row);
  },
  'auth.lock': async (_input, ctx) => {
    lockSession(ctx.slot);
    ctx.audit.entityId = ctx.slot.session?.login;
    return null;
  },
  'auth.unlock': async (input, ctx) => {
    const session = ctx.slot.session;
    if (!session || session.userId === null) throw new DomainError('NOT_AUTHENTICATED', 'Connectez-vous d’abord.');
    ctx.audit.entityId = session.login;
    const db = ctx.readDb;
    const row = await db.selectFrom('app_user').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
    try {
      await verifyCredentials(ctx, { row, password: input.password });
    } catch (error) {
      // Too many wrong passwords lock the account: the session ends with it.
      const after = await db.selectFrom('app_user').select('locked_until').where('id', '=', row.id).executeTakeFirstOrThrow();
      if (isLockedOut(after, ctx.clock) && error instanceof DomainError) endSession(ctx.slot, 'revoked', error.message);
      throw error;
    }
    session.locked = false;
    session.lastActivityAt = ctx.clock.now().toISOString();
    const check = await checkSession(ctx.deps, ctx.slot);
    if (check.state !== 'active') throw new DomainError('NOT_AUTHENTICATED', 'Votre session est terminée. Reconnectez-vous.');
    return sessionState(check);
  },
  'auth.activity': async () => null,
};
