import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { existingLogin, fullName, loginName, roleList, type UserSummary, type UserWithPassword } from '../domain/users';

/** Accounts of the facility: administrators only, every change audited (never a password). */
export const usersApi = {
  'users.list': defineMethod({
    input: () => z.strictObject({}),
    output: returns<UserSummary[]>(),
    access: ['admin'],
    kind: 'query',
  }),
  'users.create': defineMethod({
    input: () => z.strictObject({ login: loginName, fullName, roles: roleList }),
    output: returns<UserWithPassword>(),
    access: ['admin'],
    kind: 'command',
    entity: 'user',
  }),
  'users.resetPassword': defineMethod({
    input: () => z.strictObject({ login: existingLogin }),
    output: returns<UserWithPassword>(),
    access: ['admin'],
    kind: 'command',
    entity: 'user',
  }),
  'users.setActive': defineMethod({
    input: () => z.strictObject({ login: existingLogin, active: z.boolean({ message: 'Valeur attendue : vrai ou faux' }) }),
    output: returns<UserSummary>(),
    access: ['admin'],
    kind: 'command',
    entity: 'user',
  }),
  'users.update': defineMethod({
    input: () => z.strictObject({ login: existingLogin, fullName, roles: roleList }),
    output: returns<UserSummary>(),
    access: ['admin'],
    kind: 'command',
    entity: 'user',
  }),
};
