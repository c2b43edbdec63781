import type { Kysely } from 'kysely';
import type { UserSummary, UserWithPassword } from '../../../shared/domain/users';
import type { Role } from '../../../shared/domain/roles';
import type { Clock } from '../clock';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import { conflict, notFound, refused } from '../errors';
import { generatePassword, hashPassword } from './password';
import { createUser, isLockedOut, parseRoles, serializeRoles, toSummary, type UserRow } from './users';
import type { ServiceContext } from '../context';

/** What an administrator does to accounts. Every function runs in the command's transaction. */

export async function listUsers({ db, clock }: ServiceContext): Promise<UserSummary[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('login').execute();
  return rows.map((row) => summary(row, clock));
}

export async function createAccount(
  ctx: ServiceContext,
  input: { login: string; fullName: string; roles: Role[] },
): Promise<UserWithPassword> {
  const oneTimePassword = generatePassword();
  const row = await createUser(ctx, { ...input, password: oneTimePassword, mustChangePassword: true });
  return { user: summary(row, ctx.clock), oneTimePassword };
}

/** A new one-time password: the old one stops working, open sessions end, a lockout is lifted. */
export async function resetPassword({ db, clock }: ServiceContext, { login }: { login: string }): Promise<UserWithPassword> {
  const row = await findUser(db, login);
  const oneTimePassword = generatePassword();
  const updated = await db
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(oneTimePassword),
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      session_version: row.session_version + 1,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user: summary(updated, clock), oneTimePassword };
}

export async function setActive(ctx: ServiceContext, { login, active }: { login: string; active: boolean }): Promise<UserSummary> {
  const { db, features, clock } = ctx;
  const row = await findUser(db, login);
  if (!active) {
    if (row.login === ctx.actor?.login)
      throw refused('Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.');
    if (parseRoles(row.roles).includes('admin')) await assertAnotherAdmin(db, features, row.id, 'désactiver');
  }
  return update(db, clock, row.id, { active: active ? 1 : 0 });
}

export async function updateUser(
  { db, features, clock }: ServiceContext,
  input: { login: string; fullName: string; roles: Role[] },
): Promise<UserSummary> {
  const row = await findUser(db, input.login);
  if (parseRoles(row.roles).includes('admin') && !input.roles.includes('admin')) {
    await assertAnotherAdmin(db, features, row.id, 'retirer le rôle administrateur de');
  }
  return update(db, clock, row.id, { full_name: input.fullName, roles: serializeRoles(input.roles) });
}

/**
 * Refuses to leave the facility without an active administrator. The active administrators' rows
 * are locked until the end of the transaction, so that two administrators demoting each other
 * from two workstations cannot both succeed.
 */
async function assertAnotherAdmin(db: Kysely<Database>, features: DialectFeatures, exceptId: number, action: string): Promise<void> {
  const admins = await features
    .forUpdate(db.selectFrom('app_user').select(['id', 'roles']).where('active', '=', 1).where('roles', 'like', '%admin%'))
    .execute();
  if (!admins.some((a) => a.id !== exceptId && parseRoles(a.roles).includes('admin'))) {
    throw conflict(`Impossible de ${action} ce compte : c'est le dernier administrateur actif. Nommez d'abord un autre administrateur.`);
  }
}

async function findUser(db: Kysely<Database>, login: string): Promise<UserRow> {
  const row = await db.selectFrom('app_user').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row) throw notFound(`Aucun compte « ${login} ».`);
  return row;
}

async function update(
  db: Kysely<Database>,
  clock: Clock,
  id: number,
  changes: Partial<Pick<UserRow, 'active' | 'full_name' | 'roles'>>,
): Promise<UserSummary> {
  const row = await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: clock.now().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return summary(row, clock);
}

/** A lockout that has run out is not shown. */
function summary(row: UserRow, clock: Clock): UserSummary {
  const s = toSummary(row);
  return { ...s, lockedUntil: isLockedOut(row, clock) ? s.lockedUntil : null };
}
