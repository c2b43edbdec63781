import { useState } from 'react';
import type { OutboxSendReport, OutboxStatusView } from '../../../../../shared/domain/outbox';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { JobProgressBar } from '../../../components/JobProgressBar';
import { notifyOutboxChanged } from '../../../lib/outbox-events';
import { useCommand } from '../../../lib/useCommand';
import { OutboxFigures } from './OutboxFigures';

function SendOutcome({ sent }: { sent: OutboxSendReport | null }) {
  if (!sent) return null;
  if (!sent.configured) {
    return (
      <p className="banner banner-warn" role="status">
        L’adresse du service de l’ANAM n’est pas réglée (Administration › Paramètres, rôle administrateur) : exportez sur une clé USB.
      </p>
    );
  }
  return (
    <p className={sent.failed > 0 ? 'banner banner-warn' : 'banner banner-ok'} role="status">
      {sent.delivered} reçue(s) par l’ANAM, {sent.failed} échec(s) (nouvel essai automatique plus tard), {sent.pending} en attente.
    </p>
  );
}

/** The queue's state, with « send now » over the network (a long job, its progress shown) and the answer import. */
export function OutboxSendCard({ status, onImport }: { status: OutboxStatusView | null; onImport(): void }) {
  const send = useCommand('outbox.send');
  const [jobId, setJobId] = useState<string | null>(null);

  async function sendNow() {
    const id = crypto.randomUUID();
    setJobId(id);
    const report = await send.run({ jobId: id });
    setJobId(null);
    if (report) notifyOutboxChanged();
  }

  const waiting = status ? status.pending - status.exported : 0;
  return (
    <section className="card" aria-labelledby="outbox-state">
      <div className="section-head">
        <h2 id="outbox-state">File d’envoi à l’ANAM</h2>
        <div className="actions">
          <button type="button" onClick={() => void sendNow()} disabled={jobId !== null || waiting + (status?.exported ?? 0) === 0}>
            Envoyer maintenant
          </button>
          <button type="button" onClick={onImport}>
            Importer une réponse…
          </button>
        </div>
      </div>
      {status ? <OutboxFigures status={status} waiting={waiting} /> : null}
      {jobId ? <JobProgressBar key={jobId} jobId={jobId} label="Envoi à l’ANAM" /> : null}
      <ErrorBanner error={send.error} />
      <SendOutcome sent={send.result} />
    </section>
  );
}
