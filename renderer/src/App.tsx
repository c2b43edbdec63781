import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/domain/system';
import type { SessionState } from '../../shared/domain/users';
import { ErrorBanner } from './components/ErrorBanner';
import { ramed, subscribe } from './lib/bridge';
import { learnToday } from './lib/today';
import { useIdleLock } from './lib/useIdleLock';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { Shell } from './screens/Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; info: AppInfo }
  | { kind: 'login'; info: AppInfo }
  | { kind: 'ready'; info: AppInfo; session: SessionState };

/** Where the app stands: not set up, signed out, or signed in. */
async function loadPhase(): Promise<Phase> {
  // Asked together: the first screen waits for one round trip to the core, not two.
  const [info, session] = await Promise.all([ramed.system.info({}), ramed.auth.session({})]);
  if (!info.ok) return { kind: 'unreachable', message: info.error.message };
  learnToday(info.value.today);
  if (!info.value.setupDone) return { kind: 'setup', info: info.value };
  if (session.ok && session.value) return { kind: 'ready', info: info.value, session: session.value };
  return { kind: 'login', info: info.value };
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [locked, setLocked] = useState(false);
  /** Why the last session ended, when the user did not sign out himself. */
  const [notice, setNotice] = useState<string | null>(null);
  // The one-time password just typed at sign-in, kept in memory until it is replaced: never asked twice.
  const [signedInWith, setSignedInWith] = useState<string | null>(null);
  const refresh = useCallback(
    () =>
      void loadPhase().then((next) => {
        setPhase(next);
        setLocked(next.kind === 'ready' && next.session.locked);
      }),
    [],
  );
  const lock = useCallback(() => {
    setLocked(true);
    void ramed.auth.lock({});
  }, []);

  useEffect(() => {
    refresh();
    return subscribe((event) => {
      if (event.type === 'session.locked') setLocked(true);
      if (event.type !== 'session.ended') return;
      if (event.reason === 'restored') setNotice('La base a été restaurée depuis une sauvegarde : reconnectez-vous.');
      else setNotice(event.message ?? null);
      refresh();
    });
  }, [refresh]);

  const session = phase.kind === 'ready' ? phase.session : null;
  useIdleLock(session?.lockAfterMinutes ?? 10, session !== null && !locked, lock);

  switch (phase.kind) {
    case 'loading':
      return <p className="centered muted">Chargement…</p>;
    case 'unreachable':
      return (
        <main className="centered narrow">
          <ErrorBanner error={{ code: 'TRANSPORT', message: phase.message }} />
        </main>
      );
    case 'setup':
      return <SetupScreen onDone={refresh} />;
    case 'login':
      return (
        <LoginScreen
          info={phase.info}
          notice={notice}
          onLoggedIn={(password) => {
            setSignedInWith(password);
            setNotice(null);
            refresh();
          }}
        />
      );
    case 'ready':
      // The lock is drawn over the screen, never instead of it: what was being typed survives.
      return (
        <>
          {phase.session.mustChangePassword ? (
            <ChangePasswordScreen
              session={phase.session}
              current={signedInWith}
              onDone={() => {
                setSignedInWith(null);
                refresh();
              }}
              forced
            />
          ) : (
            <Shell info={phase.info} session={phase.session} onSessionChange={refresh} onLock={lock} />
          )}
          {locked ? <LockScreen session={phase.session} onUnlocked={() => setLocked(false)} onSignedOut={refresh} /> : null}
        </>
      );
  }
}
