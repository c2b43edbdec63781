import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { newPassword, type SessionInfo, type SessionState } from '../domain/users';

export const authApi = {
  'auth.login': defineMethod({
    input: () =>
      z.strictObject({
        login: z.string().trim().toLowerCase().min(1, 'Saisissez votre identifiant').max(64),
        password: z.string().min(1, 'Saisissez votre mot de passe').max(200),
      }),
    output: returns<SessionInfo>(),
    access: 'public',
    kind: 'command',
    entity: 'session',
    secret: ['password'],
    // A failed attempt is counted towards the account's lockout: it must not be rolled back.
    ownTransactions: true,
  }),
  'auth.session': defineMethod({
    input: () => z.strictObject({}),
    output: returns<SessionState | null>(),
    access: 'public',
    kind: 'query',
  }),
  'auth.logout': defineMethod({
    input: () => z.strictObject({}),
    output: returns<null>(),
    access: 'any',
    kind: 'command',
    entity: 'session',
    allowedWhileLocked: true,
    allowedBeforePasswordChange: true,
  }),
  'auth.changePassword': defineMethod({
    input: () => z.strictObject({ current: z.string().min(1, 'Saisissez le mot de passe actuel').max(200), next: newPassword }),
    output: returns<SessionInfo>(),
    access: 'any',
    kind: 'command',
    entity: 'user',
    secret: ['current', 'next'],
    allowedBeforePasswordChange: true,
  }),
  'auth.lock': defineMethod({
    input: () => z.strictObject({}),
    output: returns<null>(),
    access: 'any',
    kind: 'command',
    entity: 'session',
    allowedWhileLocked: true,
    allowedBeforePasswordChange: true,
  }),
  'auth.unlock': defineMethod({
    input: () => z.strictObject({ password: z.string().min(1, 'Saisissez votre mot de passe').max(200, 'Mot de passe trop long') }),
    output: returns<SessionState>(),
    access: 'any',
    kind: 'command',
    entity: 'session',
    secret: ['password'],
    // A failed attempt is counted towards the account's lockout: it must not be rolled back.
    ownTransactions: true,
    allowedWhileLocked: true,
    allowedBeforePasswordChange: true,
  }),
  /** The window reports key presses and clicks, so that a user typing a long form is not locked out. */
  'auth.activity': defineMethod({
    input: () => z.strictObject({}),
    output: returns<null>(),
    access: 'any',
    kind: 'query',
    marksActivity: true,
    allowedBeforePasswordChange: true,
  }),
};
