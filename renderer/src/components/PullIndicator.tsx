import { useEffect, useState } from 'react';
import type { PullView } from '../../../shared/domain/anam-lists';
import { ramed } from '../lib/bridge';
import { formatDateTime } from '../lib/format';

/** Pulls happen at most a few times a day: a check every few minutes is enough. */
const POLL_MS = 5 * 60_000;

/** The last list pulled from the ANAM in the status bar, and whether it was refused. */
export function PullIndicator() {
  const [last, setLast] = useState<PullView | null>(null);
  useEffect(() => {
    const refresh = () =>
      void ramed.anam.pulls({ limit: 1 }).then((result) => {
        if (result.ok) setLast(result.value[0] ?? null);
      });
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!last) return null;
  const refused = last.status === 'refuse';
  return (
    <span className={refused ? 'outbox-indicator outbox-waiting' : undefined} title={last.error ?? last.fileName}>
      Listes ANAM : {refused ? 'refus, voir Administration › Registre' : formatDateTime(last.at)}
    </span>
  );
}
