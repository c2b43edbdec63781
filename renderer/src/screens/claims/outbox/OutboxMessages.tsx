import { useMemo, useState } from 'react';
import type { OutboxMessageView, OutboxStatusView } from '../../../../../shared/domain/outbox';
import type { ApiError } from '../../../../../shared/contract/result';
import { DataTable } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNumber } from '../../../lib/format';
import { notifyOutboxChanged } from '../../../lib/outbox-events';
import { useCommand } from '../../../lib/useCommand';
import { outboxColumns } from './outbox-columns';
import { OutboxResend, type Resend } from './OutboxResend';

/** The queue's claims, newest first, and the resend of the abandoned ones (one, or all), each with a reason. */
export function OutboxMessages({ status, error }: { status: OutboxStatusView | null; error: ApiError | null }) {
  // One resend at a time: asking for a reason, then what it did (one message, or all the abandoned).
  const [resend, setResend] = useState<Resend | null>(null);
  const retry = useCommand('outbox.retry');
  const retryAll = useCommand('outbox.retryAll');

  const resetRetry = retry.reset;
  const columns = useMemo(
    () =>
      outboxColumns((m) => {
        resetRetry();
        setResend({ step: 'ask', message: m });
      }),
    [resetRetry],
  );

  async function confirmRetry(message: OutboxMessageView, reason: string) {
    const view = await retry.run({ messageId: message.id, reason });
    if (!view) return;
    setResend({ step: 'done', message: view });
    notifyOutboxChanged();
  }

  async function confirmRetryAll(reason: string) {
    const report = await retryAll.run({ reason });
    if (!report) return;
    setResend({ step: 'done-all', report });
    notifyOutboxChanged();
  }

  function askRetryAll() {
    retryAll.reset();
    setResend({ step: 'ask-all' });
  }

  // Replaced messages are not counted as abandoned: they never leave, so they are never resent.
  const abandoned = status?.failed ?? 0;
  const all = resend?.step === 'ask-all' || resend?.step === 'done-all';
  return (
    <section className="card" aria-labelledby="outbox-messages">
      <div className="section-head">
        <h2 id="outbox-messages">Réclamations de la file</h2>
        {abandoned > 0 ? (
          <div className="actions">
            <button type="button" onClick={askRetryAll} disabled={resend?.step === 'ask-all'}>
              {abandoned === 1 ? 'Renvoyer l’abandonnée…' : `Renvoyer les ${formatNumber(abandoned)} abandonnées…`}
            </button>
          </div>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {resend ? (
        <OutboxResend
          resend={resend}
          abandoned={abandoned}
          pending={all ? retryAll.running : retry.running}
          error={all ? retryAll.error : retry.error}
          onRetry={(message, reason) => void confirmRetry(message, reason)}
          onRetryAll={(reason) => void confirmRetryAll(reason)}
          onCancel={() => setResend(null)}
        />
      ) : null}
      <DataTable
        label="File d’envoi"
        rows={status ? [...status.messages].reverse() : []}
        columns={columns}
        rowKey={(m) => m.key}
        csvName="file-envoi-anam.csv"
        pageSize={15}
        empty={status ? 'Aucune réclamation signée pour l’instant.' : 'Chargement…'}
      />
    </section>
  );
}
