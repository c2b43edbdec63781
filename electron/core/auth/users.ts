import type { Selectable } from 'kysely';
import type { SessionInfo, UserSummary } from '../../../shared/domain/users';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { isoNow, type Clock } from '../clock';
import type { ServiceContext } from '../context';
import type { UserTable } from '../db/schema/system';
import { DomainError } from '../errors';
import { getSetting } from '../settings/settings';
import { hashPassword, verifyPassword } from './password';

export const serializeRoles = (roles: readonly Role[]): string => ROLES.filter((r) => roles.includes(r)).join(',');
export const parseRoles = (text: string): Role[] => ROLES.filter((r) => text.split(',').includes(r));

export type UserRow = Selectable<UserTable>;

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    roles: parseRoles(row.roles),
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
  };
}

export function toSessionInfo(row: UserRow): SessionInfo {
  const { id, login, fullName, roles, mustChangePassword } = toSummary(row);
  return { userId: id, login, fullName, roles, mustChangePassword };
}

export async function createUser(
  ctx: ServiceContext,
  user: { login: string; fullName: string; roles: Role[]; password: string; mustChangePassword: boolean },
): Promise<UserRow> {
  const { db } = ctx;
  const existing = await db.selectFrom('app_user').select('id').where('login', '=', user.login).executeTakeFirst();
  if (existing)
    throw new DomainError('CONFLICT', `L'identifiant « ${user.login} » est déjà utilisé.`, { login: 'Identifiant déjà utilisé' });
  const now = isoNow(ctx.clock);
  return db
    .insertInto('app_user')
    .values({
      login: user.login,
      full_name: user.fullName,
      roles: serializeRoles(user.roles),
      password_hash: await hashPassword(user.password),
      must_change_password: user.mustChangePassword ? 1 : 0,
      active: 1,
      failed_attempts: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const lockedOut = (row: UserRow) =>
  new DomainError(
    'REFUSED',
    `Compte bloqué après trop d'échecs, jusqu'à ${frenchTime(row.locked_until!)}. Demandez à un administrateur de le débloquer (il vous donnera un mot de passe provisoire), ou réessayez ensuite.`,
  );

/**
 * Checks a password at sign-in. Whatever is wrong (unknown account, wrong password, account
 * disabled or locked out), a wrong password gets one message: the sign-in screen never tells
 * whether an account exists. Only the right password learns that the account is disabled or
 * locked. Failures are counted; after `auth.maxFailedLogins` the account is locked for
 * `auth.lockoutMinutes`. The counter is written even when the login fails: on `ctx.readDb`, outside
 * the call's transaction that the failure rolls back.
 */
export async function authenticate(ctx: ServiceContext, { login, password }: { login: string; password: string }): Promise<UserRow> {
  const { readDb: db, clock } = ctx;
  const row = await db.selectFrom('app_user').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row) {
    // Same cost and message as a wrong password: no hint that the login exists.
    await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    throw new DomainError('REFUSED', BAD_CREDENTIALS);
  }
  const locked = isLockedOut(row, clock);
  if (!(await verifyPassword(password, row.password_hash))) {
    if (!locked && row.active === 1) await countFailure(ctx, row);
    throw new DomainError('REFUSED', BAD_CREDENTIALS);
  }
  if (row.active !== 1) throw new DomainError('REFUSED', 'Ce compte est désactivé. Adressez-vous à l’administrateur.');
  if (locked) throw lockedOut(row);
  const now = clock.now().toISOString();
  return db
    .updateTable('app_user')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: now, updated_at: now })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Counts a wrong password (outside the call's transaction); locks the account at the limit. Answers what is left. */
async function countFailure(ctx: ServiceContext, row: UserRow): Promise<{ lockedMinutes: number | null; left: number }> {
  const { readDb: db } = ctx;
  const now = ctx.clock.now();
  const max = await getSetting(db, 'auth.maxFailedLogins');
  const attempts = row.failed_attempts + 1;
  const lock = attempts >= max;
  const minutes = await getSetting(db, 'auth.lockoutMinutes');
  const lockedUntil = lock ? new Date(now.getTime() + minutes * 60_000).toISOString() : null;
  await db
    .updateTable('app_user')
    .set({ failed_attempts: lock ? 0 : attempts, locked_until: lockedUntil, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { lockedMinutes: lock ? minutes : null, left: max - attempts };
}

/**
 * Checks the password of the signed-in account at the lock screen (the account is known there):
 * refuses while the account is locked out, counts a failure and locks the account after too
 * many. Writes on `ctx.readDb`, not in a transaction that a refusal would roll back.
 */
export async function verifyCredentials(ctx: ServiceContext, { row, password }: { row: UserRow; password: string }): Promise<void> {
  const { readDb: db, clock } = ctx;
  if (isLockedOut(row, clock)) throw lockedOut(row);
  if (await verifyPassword(password, row.password_hash)) {
    if (row.failed_attempts > 0) {
      await db
        .updateTable('app_user')
        .set({ failed_attempts: 0, updated_at: clock.now().toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
    return;
  }
  const { lockedMinutes, left } = await countFailure(ctx, row);
  if (lockedMinutes !== null) {
    throw new DomainError(
      'REFUSED',
      `Trop d'échecs : compte bloqué pour ${lockedMinutes} minutes. Demandez à un administrateur de le débloquer.`,
    );
  }
  throw new DomainError('REFUSED', `Mot de passe incorrect. Encore ${left} essai(s) avant blocage.`);
}

export const isLockedOut = (row: Pick<UserRow, 'locked_until'>, clock: Clock): boolean =>
  row.locked_until !== null && row.locked_until > clock.now().toISOString();

/** The signed-in user's new password, in the command's transaction. */
export async function changePassword(
  ctx: ServiceContext,
  { userId, current, next }: { userId: number; current: string; next: string },
): Promise<UserRow> {
  const { db, clock } = ctx;
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.password_hash))) {
    throw new DomainError('REFUSED', 'Le mot de passe actuel est incorrect.', { current: 'Mot de passe incorrect' });
  }
  if (current === next) {
    throw new DomainError('REFUSED', "Le nouveau mot de passe doit être différent de l'ancien.", { next: 'Identique à l’ancien' });
  }
  if (next.trim().toLowerCase() === row.login) {
    throw new DomainError('REFUSED', "Le mot de passe ne peut pas être l'identifiant.", { next: 'Identique à l’identifiant' });
  }
  // A new version ends the user's sessions on other workstations; the caller keeps its own.
  return db
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(next),
      must_change_password: 0,
      session_version: row.session_version + 1,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const frenchTime = (iso: string) => `${iso.slice(11, 16)} le ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
