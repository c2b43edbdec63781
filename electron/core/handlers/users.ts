import type { usersApi } from '../../../shared/api/users';
import { createAccount, listUsers, resetPassword, setActive, updateUser } from '../auth/user-admin';
import type { Handlers } from './types';

// The one-time passwords go back to the administrator's window only: never into ctx.audit.
export const usersHandlers: Handlers<typeof usersApi> = {
  'users.list': async (_input, ctx) => listUsers(ctx.db, ctx.clock),
  'users.create': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return createAccount(ctx.db, ctx.clock, input);
  },
  'users.resetPassword': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return resetPassword(ctx.db, ctx.clock, input.login);
  },
  'users.setActive': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return setActive(ctx.db, ctx.features, ctx.clock, input.login, input.active, ctx.actor?.login ?? '');
  },
  'users.update': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return updateUser(ctx.db, ctx.features, ctx.clock, input);
  },
};
