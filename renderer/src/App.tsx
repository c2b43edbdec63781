import { useCallback, useEffect, useState } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { SectionBoundary } from './components/SectionBoundary';
import { ramed, subscribe } from './lib/bridge';
import { lazySection } from './lib/lazySection';
import { useIdleLock } from './lib/useIdleLock';
import { loadPhase, type Phase } from './phase';
import { LoginScreen } from './screens/LoginScreen';

// Only the login comes with the first script. The one-time setup and everything after the login
// (shell, reception, password change, lock) are their own chunks; the latter is fetched while the
// login is shown, so that signing in rarely shows « Chargement… ».
const setup = lazySection(() => import('./screens/SetupScreen').then((m) => m.SetupScreen));
const signedIn = lazySection(() => import('./screens/SignedIn').then((m) => m.SignedIn));
/** How long the login shows before the code after it is fetched: typing a login takes longer. */
const PRELOAD_AFTER_MS = 1000;

/** The app from its first answer on: `first` is where it stood when the page opened (first-phase.ts). */
export function App({ first }: { first: Phase }) {
  const [phase, setPhase] = useState<Phase>(first);
  const [locked, setLocked] = useState(first.kind === 'ready' && first.session.locked);
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

  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'session.locked') setLocked(true);
        if (event.type !== 'session.ended') return;
        if (event.reason === 'restored') setNotice('La base a été restaurée depuis une sauvegarde : reconnectez-vous.');
        else setNotice(event.message ?? null);
        refresh();
      }),
    [refresh],
  );

  useEffect(() => {
    if (phase.kind !== 'login') return;
    // Not at once: the login's first frames (and keys) come before 250 KB of script to run.
    let idle = 0;
    const timer = window.setTimeout(() => {
      idle = requestIdleCallback(() => void signedIn.preload().catch(() => undefined), { timeout: 2000 });
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [phase.kind]);

  const session = phase.kind === 'ready' ? phase.session : null;
  useIdleLock(session?.lockAfterMinutes ?? 10, session !== null && !locked, lock);

  switch (phase.kind) {
    case 'unreachable':
      return (
        <main className="centered narrow">
          <ErrorBanner error={{ code: 'TRANSPORT', message: phase.message }} />
        </main>
      );
    case 'setup':
      return (
        <SectionBoundary className="centered">
          <setup.component onDone={refresh} />
        </SectionBoundary>
      );
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
      return (
        <SectionBoundary className="centered">
          <signedIn.component
            info={phase.info}
            session={phase.session}
            locked={locked}
            signedInWith={signedInWith}
            onPasswordChanged={() => {
              setSignedInWith(null);
              refresh();
            }}
            onSessionChange={refresh}
            onLock={lock}
            onUnlocked={() => setLocked(false)}
          />
        </SectionBoundary>
      );
  }
}
