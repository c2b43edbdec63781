import type { usersApi } from '../../../shared/api/users';
import { createAccount, listUsers, resetPassword, setActive, updateUser } from '../auth/user-admin';
import type { Handlers } from './types';

// The one-time passwords go back to the administrator's window only: never into ctx.audit.
export const usersHandlers: Handlers<typeof usersApi> = {
  'users.list': async (_input, ctx) => listUsers(ctx.db, ctx.deps.clock),
  'users.create': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return createAccount(ctx.db, ctx.deps.clock, input);
  },
  'users.resetPassword': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return resetPassword(ctx.db, ctx.deps.clock, input.login);
  },
  'users.setActive': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return setActive(ctx.db, ctx.deps.handle.features, ctx.deps.clock, input.login, input.active, ctx.actor?.login ?? '');
  },
  'users.update': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return updateUser(ctx.db, ctx.deps.handle.features, ctx.deps.clock, input);
  },
};
