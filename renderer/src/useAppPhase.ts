import { useCallback, useEffect, useState } from 'react';
import { ramed, subscribe } from './lib/bridge';
import { loadPhase, type Phase } from './phase';

/**
 * Where the app stands (`first`: where it stood when the page opened), whether the screen is
 * locked, and why the last session ended when the user did not sign out himself; follows the
 * core's session events.
 */
export function useAppPhase(first: Phase) {
  const [phase, setPhase] = useState<Phase>(first);
  const [locked, setLocked] = useState(first.kind === 'ready' && first.session.locked);
  const [notice, setNotice] = useState<string | null>(null);
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

  return { phase, locked, notice, refresh, lock, unlock: () => setLocked(false), clearNotice: () => setNotice(null) };
}
