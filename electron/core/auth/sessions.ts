import type { Kysely } from 'kysely';
import type { SessionInfo, SessionState } from '../../../shared/domain/users';
import type { ApiEvent } from '../../../shared/contract/events';
import type { Clock } from '../clock';
import type { ActiveSession, CoreDeps, SessionSlot } from '../context';
import type { Database } from '../db/schema/index';
import { precompiled } from '../db/precompiled';
import { getSettings, settingValue } from '../settings/settings';
import { parseRoles, toSessionInfo, type UserRow } from './users';

/** Signs the window's slot in as this user. */
export function openSession(slot: SessionSlot, row: UserRow, clock: Clock): SessionInfo {
  const info = toSessionInfo(row);
  const now = clock.now().toISOString();
  slot.session = { ...info, startedAt: now, lastActivityAt: now, sessionVersion: row.session_version } satisfies ActiveSession;
  return info;
}

export function endSession(slot: SessionSlot, reason: Extract<ApiEvent, { type: 'session.ended' }>['reason'], message?: string): void {
  slot.session = null;
  slot.emit(message ? { type: 'session.ended', reason, message } : { type: 'session.ended', reason });
}

export function lockSession(slot: SessionSlot): void {
  if (!slot.session || slot.session.locked) return;
  slot.session.locked = true;
  slot.emit({ type: 'session.locked' });
}

export type SessionCheck =
  | { state: 'none' }
  | { state: 'ended'; message: string }
  | { state: 'active' | 'locked'; session: ActiveSession; lockAfterMinutes: number };

/**
 * Where the slot's session stands now. For a signed-in user, reads the account again (a
 * deactivated account or a reset password ends the session at once, role changes apply at once),
 * ends a session older than `auth.sessionHours`, and locks one idle for `lock.inactivityMinutes`.
 */
export async function checkSession(deps: CoreDeps, slot: SessionSlot): Promise<SessionCheck> {
  const session = slot.session;
  if (!session) return { state: 'none' };
  const db = deps.handle.db;
  // No user behind it (the command line, the backup scheduler), or a test's actor: nothing to lock.
  if (session.userId === null || session.unattended) {
    const { 'lock.inactivityMinutes': lockAfterMinutes } = await getSettings(db, ['lock.inactivityMinutes']);
    return { state: 'active', session, lockAfterMinutes };
  }

  // Every call of a desk pays this check: the account and the two settings in one query.
  const [row] = await accountAndSettings(db, session.userId);
  if (!row || row.active !== 1) {
    return ended('Ce compte a été désactivé : la session est fermée. Adressez-vous à l’administrateur.', 'revoked');
  }
  if (row.session_version !== (session.sessionVersion ?? 0)) {
    return ended('Le mot de passe de ce compte a changé : reconnectez-vous avec le nouveau.', 'revoked');
  }
  session.fullName = row.full_name;
  session.roles = parseRoles(row.roles);
  session.mustChangePassword = row.must_change_password === 1;
  const lockAfterMinutes = settingValue('lock.inactivityMinutes', row.lock_minutes);
  const sessionHours = settingValue('auth.sessionHours', row.session_hours);

  const now = deps.clock.now();
  if (now.getTime() - Date.parse(session.startedAt) >= sessionHours * 3_600_000) {
    return ended(`Votre session a duré ${sessionHours} h, la durée maximale : reconnectez-vous.`, 'expired');
  }
  if (!session.locked && now.getTime() - Date.parse(session.lastActivityAt) >= lockAfterMinutes * 60_000) lockSession(slot);
  return { state: session.locked ? 'locked' : 'active', session, lockAfterMinutes };

  function ended(message: string, reason: 'revoked' | 'expired'): SessionCheck {
    endSession(slot, reason, message);
    return { state: 'ended', message };
  }
}

export function sessionState(check: Extract<SessionCheck, { session: ActiveSession }>): SessionState {
  const { session } = check;
  return {
    userId: session.userId ?? 0,
    login: session.login,
    fullName: session.fullName,
    roles: session.roles,
    mustChangePassword: session.mustChangePassword,
    locked: check.state === 'locked',
    lockAfterMinutes: check.lockAfterMinutes,
  };
}

const accountAndSettings = precompiled((db: Kysely<Database>, userId: number) =>
  db
    .selectFrom('app_user')
    .select(({ selectFrom }) => [
      'active',
      'roles',
      'full_name',
      'must_change_password',
      'session_version',
      selectFrom('setting').select('value').where('key', '=', 'lock.inactivityMinutes').as('lock_minutes'),
      selectFrom('setting').select('value').where('key', '=', 'auth.sessionHours').as('session_hours'),
    ])
    .where('id', '=', userId),
);
