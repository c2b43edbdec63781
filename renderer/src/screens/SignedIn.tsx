import type { AppInfo } from '../../../shared/domain/system';
import type { SessionState } from '../../../shared/domain/users';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LockScreen } from './LockScreen';
import { Shell } from './Shell';

/**
 * Everything after the login, in its own chunk (App.tsx): the shell, or the password change
 * forced after a one-time password, with the lock drawn over either.
 */
export function SignedIn({
  info,
  session,
  locked,
  signedInWith,
  onPasswordChanged,
  onSessionChange,
  onLock,
  onUnlocked,
}: {
  info: AppInfo;
  session: SessionState;
  locked: boolean;
  /** The one-time password just typed at sign-in, if any: never asked twice. */
  signedInWith: string | null;
  onPasswordChanged: () => void;
  onSessionChange: () => void;
  onLock: () => void;
  onUnlocked: () => void;
}) {
  // The lock is drawn over the screen, never instead of it: what was being typed survives.
  return (
    <>
      {session.mustChangePassword ? (
        <ChangePasswordScreen session={session} current={signedInWith} onDone={onPasswordChanged} forced />
      ) : (
        <Shell info={info} session={session} onSessionChange={onSessionChange} onLock={onLock} />
      )}
      {locked ? <LockScreen session={session} onUnlocked={onUnlocked} onSignedOut={onSessionChange} /> : null}
    </>
  );
}
