import { useState } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { SectionBoundary } from './components/SectionBoundary';
import { lazySection } from './lib/lazySection';
import { useIdleLock } from './lib/useIdleLock';
import { useIdlePreload } from './lib/useIdlePreload';
import type { Phase } from './phase';
import { LoginScreen } from './screens/LoginScreen';
import { useAppPhase } from './useAppPhase';

// Only the login comes with the first script. The one-time setup and everything after the login
// (shell, reception, password change, lock) are their own chunks; the latter is fetched while the
// login is shown, so that signing in rarely shows « Chargement… ».
const setup = lazySection(() => import('./screens/SetupScreen').then((m) => m.SetupScreen));
const signedIn = lazySection(() => import('./screens/SignedIn').then((m) => m.SignedIn));
/** How long the login shows before the code after it is fetched: typing a login takes longer. */
const PRELOAD_AFTER_MS = 1000;

/** The app from its first answer on: `first` is where it stood when the page opened (first-phase.ts). */
export function App({ first }: { first: Phase }) {
  const { phase, locked, notice, refresh, lock, unlock, clearNotice } = useAppPhase(first);
  // The one-time password just typed at sign-in, kept in memory until it is replaced: never asked twice.
  const [signedInWith, setSignedInWith] = useState<string | null>(null);
  // Not at once: the login's first frames (and keys) come before 250 KB of script to run.
  useIdlePreload(phase.kind === 'login', signedIn.preload, PRELOAD_AFTER_MS);

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
            clearNotice();
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
            onUnlocked={unlock}
          />
        </SectionBoundary>
      );
  }
}
