import { useCallback, useEffect, useState } from 'react';
import type { OutboxSummary } from '../../../shared/domain/outbox';
import { ramed } from '../lib/bridge';
import { formatDateTime } from '../lib/format';
import { useOutboxChanged } from '../lib/outbox-events';

/** How often the status bar asks the queue (a background worker may send at any time). */
const POLL_MS = 30_000;

/** The upload queue in the status bar: what waits to go to the ANAM, and the last successful send. */
export function OutboxIndicator() {
  const [summary, setSummary] = useState<OutboxSummary | null>(null);
  const refresh = useCallback(() => {
    void ramed.outbox.summary({}).then((result) => {
      // A locked screen or a closed session answers an error: keep the last figures.
      if (result.ok) setSummary(result.value);
    });
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useOutboxChanged(refresh);
  if (!summary) return null;
  const waiting = summary.pending - summary.exported;
  return (
    <span
      className={waiting > 0 || summary.failed > 0 ? 'outbox-indicator outbox-waiting' : 'outbox-indicator'}
      aria-live="polite"
      title={
        summary.failed > 0
          ? `${summary.failed} réclamation(s) abandonnée(s) après trop d’échecs : voir Réclamations › Envois à l’ANAM`
          : undefined
      }
    >
      {waiting} réclamation(s) en attente d’envoi
      {summary.exported > 0 ? ` (+${summary.exported} sur clé)` : ''}
      {summary.failed > 0 ? `, ${summary.failed} abandonnée(s)` : ''}
      {' · '}
      {summary.lastSuccessAt ? `dernier envoi réussi : ${formatDateTime(summary.lastSuccessAt)}` : 'aucun envoi réussi'}
    </span>
  );
}
