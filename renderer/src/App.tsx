import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/system';
import type { SessionInfo } from '../../shared/domain/users';
import { ErrorBanner } from './components/ErrorBanner';
import { ramed, subscribe } from './lib/bridge';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { Shell } from './screens/Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; info: AppInfo }
  | { kind: 'login'; info: AppInfo }
  | { kind: 'ready'; info: AppInfo; session: SessionInfo };

/** Where the app stands: not set up, signed out, or signed in. */
async function loadPhase(): Promise<Phase> {
  const info = await ramed.system.info({});
  if (!info.ok) return { kind: 'unreachable', message: info.error.message };
  if (!info.value.setupDone) return { kind: 'setup', info: info.value };
  const session = await ramed.auth.session({});
  if (session.ok && session.value) return { kind: 'ready', info: info.value, session: session.value };
  return { kind: 'login', info: info.value };
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = useCallback(() => void loadPhase().then(setPhase), []);

  useEffect(() => {
    refresh();
    return subscribe((event) => {
      if (event.type !== 'session.ended') return;
      if (event.reason === 'restored') setNotice('La base a été restaurée depuis une sauvegarde : reconnectez-vous.');
      refresh();
    });
  }, [refresh]);

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
          onLoggedIn={() => {
            setNotice(null);
            refresh();
          }}
        />
      );
    case 'ready':
      if (phase.session.mustChangePassword) return <ChangePasswordScreen session={phase.session} onDone={refresh} forced />;
      return <Shell info={phase.info} session={phase.session} onSessionChange={refresh} />;
  }
}
