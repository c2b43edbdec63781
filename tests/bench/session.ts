import { randomBytes } from 'node:crypto';
import { newSlot, type Core } from '../../electron/core/app';
import { createUser } from '../../electron/core/auth/users';
import { actingAs } from '../../electron/core/service-context';
import type { SessionSlot } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';

/**
 * A window's session slot signed in through `auth.login` as a new user of `role`: every timed
 * call then pays what a desk's call pays (session and account re-check, role, input validation).
 */
export async function signedIn(core: Core, role: Role): Promise<SessionSlot> {
  const login = `bench-${role}-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  await createUser(actingAs(core.deps, 'admin'), { login, fullName: `Banc d’essai (${role})`, roles: [role], password, mustChangePassword: false });
  const slot = newSlot();
  const result = await core.dispatch(slot, 'auth.login', { login, password });
  if (!result.ok) throw new Error(`connexion impossible : ${result.error.message}`);
  return slot;
}

/** Calls a method and insists it succeeded: a refused call would time an error, not the work. */
export async function call(core: Core, slot: SessionSlot, method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(slot, method, input);
  if (!result.ok) throw new Error(`${method} : ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * The desk agent's timed check, round `persons`, once warmed up (200 checks untimed): answers a
 * function that makes the next check and gives its duration in ms. Every 500 checks it reports
 * the agent's activity, as the window does, so a long run never locks the session.
 */
export async function deskChecker(core: Core, desk: SessionSlot, persons: ReadonlyArray<{ recepisse: string }>): Promise<() => Promise<number>> {
  let n = 0;
  const timedCheck = async (): Promise<number> => {
    const person = persons[n++ % persons.length]!;
    if (n % 500 === 0) await call(core, desk, 'auth.activity', {});
    const started = performance.now();
    await call(core, desk, 'registry.check', { recepisse: person.recepisse });
    return performance.now() - started;
  };
  for (let i = 0; i < 200; i++) await timedCheck();
  return timedCheck;
}
