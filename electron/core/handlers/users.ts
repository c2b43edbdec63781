import type { usersApi } from '../../../shared/api/users';
import { createAccount, listUsers, resetPassword, setActive, updateUser } from '../auth/user-admin';
import type { Handlers } from './types';

// The one-time passwords go back to the administrator's window only: never into ctx.audit.
export const usersHandlers: Handlers<typeof usersApi> = {
  'users.list': async (_input, ctx) => listUsers(ctx),
  'users.create': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return createAccount(ctx, input);
  },
  'users.resetPassword': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return resetPassword(ctx, input);
  },
  'users.setActive': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return setActive(ctx, input);
  },
  'users.update': async (input, ctx) => {
    ctx.audit.entityId = input.login;
    return updateUser(ctx, input);
  },
};
