import type { AppInfo } from '../../shared/domain/system';
import type { SessionState } from '../../shared/domain/users';
import { ramed } from './lib/bridge';
import { learnToday } from './lib/today';

/** Where the app stands: not set up, signed out, or signed in. */
export type Phase =
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; info: AppInfo }
  | { kind: 'login'; info: AppInfo }
  | { kind: 'ready'; info: AppInfo; session: SessionState };

/** Asks the core where the app stands. */
export async function loadPhase(): Promise<Phase> {
  // Asked together: the first screen waits for one round trip to the core, not two.
  const [info, session] = await Promise.all([ramed.system.info({}), ramed.auth.session({})]);
  if (!info.ok) return { kind: 'unreachable', message: info.error.message };
  learnToday(info.value.today);
  if (!info.value.setupDone) return { kind: 'setup', info: info.value };
  if (session.ok && session.value) return { kind: 'ready', info: info.value, session: session.value };
  return { kind: 'login', info: info.value };
}
