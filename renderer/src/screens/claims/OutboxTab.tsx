import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { OutboxSendReport } from '../../../../shared/domain/outbox';
import type { OutboxExportReport, OutboxMessageView, OutboxRetryAllReport, OutboxStatusView } from '../../../../shared/domain/outbox';
import { OUTBOX_STATUS_LABELS } from '../../../../shared/domain/outbox';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { OutcomeBanner } from '../../components/OutcomeBanner';
import { Field } from '../../components/Field';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ramed } from '../../lib/bridge';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyOutboxChanged, useOutboxChanged } from '../../lib/outbox-events';
import { useCall } from '../../lib/useCall';
import { ImportResponseDialog } from './ImportResponseDialog';
import { ReasonForm } from './ReasonForm';

/** The message's state in words: the database's status, told apart when exported or replaced. */
function stateOf(m: OutboxMessageView): string {
  if (m.supersededByVersion) return `Remplacée par la v${m.supersededByVersion}`;
  if (m.status === 'en_attente' && m.exportedAt) return 'Exportée sur clé, sans réponse';
  return OUTBOX_STATUS_LABELS[m.status];
}

const BADGE = (m: OutboxMessageView) =>
  m.status === 'livre'
    ? 'badge badge-claim-acceptee'
    : m.supersededByVersion
      ? 'badge badge-claim-brouillon'
      : m.status === 'echec'
        ? 'badge badge-claim-rejetee'
        : 'badge badge-claim-envoyee';

/** Abandoned after its attempts ran out; a replaced message must never leave. */
const canRetry = (m: OutboxMessageView) => m.status === 'echec' && !m.supersededByVersion;

/** Where a resend stands: the reason asked (one message or all the abandoned), then its outcome. */
type Resend =
  | { step: 'ask'; message: OutboxMessageView }
  | { step: 'done'; message: OutboxMessageView }
  | { step: 'ask-all' }
  | { step: 'done-all'; report: OutboxRetryAllReport };

function columns(onRetry: (m: OutboxMessageView) => void): DataColumn<OutboxMessageView>[] {
  return [
    {
      key: 'claim',
      header: 'Réclamation (mois, version, épisode)',
      value: (m) => m.claim,
      render: (m) => <span className="mono">{m.claim}</span>,
      width: '17rem',
    },
    { key: 'state', header: 'État', value: stateOf, render: (m) => <span className={BADGE(m)}>{stateOf(m)}</span>, width: '13.5rem' },
    {
      key: 'attempts',
      header: 'Tentatives',
      value: (m) => m.attempts,
      kind: 'number',
      render: (m) => (
        <>
          {formatNumber(m.attempts)}
          {m.retries > 0 ? <small className="line-note">{m.retries === 1 ? '1 renvoi' : `${m.retries} renvois`}</small> : null}
        </>
      ),
      width: '7rem',
    },
    {
      key: 'lastError',
      header: 'Dernière erreur',
      value: (m) => m.lastError,
      render: (m) => <span className="wrap">{m.lastError ?? '—'}</span>,
    },
    {
      key: 'when',
      header: 'Reçue / prochain essai',
      value: (m) => m.deliveredAt ?? m.nextAttemptAt,
      render: (m) =>
        m.deliveredAt ? `reçue le ${formatDateTime(m.deliveredAt)}` : m.nextAttemptAt ? `essai le ${formatDateTime(m.nextAttemptAt)}` : '—',
      width: '12rem',
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      value: () => null,
      render: (m) =>
        canRetry(m) ? (
          <button type="button" className="small-button" onClick={() => onRetry(m)} aria-label={`Renvoyer la réclamation ${m.claim}`}>
            Renvoyer…
          </button>
        ) : null,
      width: '7.5rem',
    },
  ];
}

/**
 * The upload queue: what waits, what the ANAM received, the errors; send now over the network,
 * or write the waiting claims to a USB key for someone to carry, and import the answer it brings.
 */
export function OutboxTab() {
  const [status, setStatus] = useState<OutboxStatusView | null>(null);
  const [folder, setFolder] = useState('');
  const [exported, setExported] = useState<OutboxExportReport | null>(null);
  const [sent, setSent] = useState<OutboxSendReport | null>(null);
  const [importing, setImporting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  // One resend at a time: asking for a reason, then what it did (one message, or all the abandoned).
  const [resend, setResend] = useState<Resend | null>(null);
  const load = useCall(ramed.outbox.status);
  const retry = useCall(ramed.outbox.retry);
  const retryAll = useCall(ramed.outbox.retryAll);
  const send = useCall(ramed.outbox.send);
  const exporter = useCall(ramed.outbox.export);
  const run = load.run;
  const reload = useCallback(() => void run({}).then((v) => v && setStatus(v)), [run]);
  useEffect(reload, [reload]);
  useOutboxChanged(reload);

  async function sendNow() {
    const id = crypto.randomUUID();
    setJobId(id);
    setSent(null);
    const report = await send.run({ jobId: id });
    setJobId(null);
    if (!report) return;
    setSent(report);
    notifyOutboxChanged();
  }

  async function exportToKey(event: FormEvent) {
    event.preventDefault();
    setExported(null);
    const report = await exporter.run({ folder });
    if (!report) return;
    setExported(report);
    notifyOutboxChanged();
  }

  const setRetryError = retry.setError;
  const tableColumns = useMemo(
    () =>
      columns((m) => {
        setRetryError(null);
        setResend({ step: 'ask', message: m });
      }),
    [setRetryError],
  );

  async function confirmRetry(message: OutboxMessageView, reason: string) {
    const view = await retry.run({ messageId: message.id, reason });
    if (!view) return;
    setResend({ step: 'done', message: view });
    notifyOutboxChanged();
  }

  function askRetryAll() {
    retryAll.setError(null);
    setResend({ step: 'ask-all' });
  }

  async function confirmRetryAll(reason: string) {
    const report = await retryAll.run({ reason });
    if (!report) return;
    setResend({ step: 'done-all', report });
    notifyOutboxChanged();
  }

  const waiting = status ? status.pending - status.exported : 0;
  // Replaced messages are not counted as abandoned: they never leave, so they are never resent.
  const abandoned = status?.failed ?? 0;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="outbox-state">
        <div className="section-head">
          <h2 id="outbox-state">File d’envoi à l’ANAM</h2>
          <div className="actions">
            <button type="button" onClick={() => void sendNow()} disabled={jobId !== null || waiting + (status?.exported ?? 0) === 0}>
              Envoyer maintenant
            </button>
            <button type="button" onClick={() => setImporting(true)}>
              Importer une réponse…
            </button>
          </div>
        </div>
        {status ? (
          <dl className="claim-figures">
            <div>
              <dt>En attente d’envoi</dt>
              <dd className={waiting > 0 ? 'state-bad' : undefined}>{formatNumber(waiting)}</dd>
            </div>
            <div>
              <dt>Sur clé USB, sans réponse</dt>
              <dd>{formatNumber(status.exported)}</dd>
            </div>
            <div>
              <dt>Reçues par l’ANAM</dt>
              <dd className="state-ok">{formatNumber(status.delivered)}</dd>
            </div>
            <div>
              <dt>Abandonnées</dt>
              <dd className={status.failed > 0 ? 'state-bad' : undefined}>{formatNumber(status.failed)}</dd>
            </div>
            <div>
              <dt>Remplacées</dt>
              <dd>{formatNumber(status.superseded)}</dd>
            </div>
            <div>
              <dt>Dernier envoi réussi</dt>
              <dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'aucun'}</dd>
            </div>
          </dl>
        ) : null}
        {jobId ? <JobProgressBar key={jobId} jobId={jobId} label="Envoi à l’ANAM" /> : null}
        <ErrorBanner error={send.error} />
        {sent && !sent.configured ? (
          <p className="banner banner-warn" role="status">
            L’adresse du service de l’ANAM n’est pas réglée (Administration › Paramètres, rôle administrateur) : exportez sur une clé USB.
          </p>
        ) : sent ? (
          <p className={sent.failed > 0 ? 'banner banner-warn' : 'banner banner-ok'} role="status">
            {sent.delivered} reçue(s) par l’ANAM, {sent.failed} échec(s) (nouvel essai automatique plus tard), {sent.pending} en attente.
          </p>
        ) : null}
      </section>

      <form className="card" onSubmit={(e) => void exportToKey(e)} noValidate aria-label="Exporter pour une clé USB">
        <h2>Sans réseau : exporter sur une clé USB</h2>
        <p className="muted section-intro">
          Écrit chaque réclamation pas encore reçue par l’ANAM dans un nouveau dossier (un fichier JSON par réclamation, le bordereau PDF et
          le CSV de chaque version, et un manifeste avec l’empreinte SHA-256 de chacun). Elles restent en attente jusqu’à ce que la réponse
          de l’ANAM soit importée.
        </p>
        <div className="build-row export-row">
          <Field
            label="Dossier de la clé (chemin complet)"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            error={exporter.error?.fields?.folder}
            placeholder="E:\ANAM"
          />
          <button type="submit" className="primary" disabled={exporter.pending}>
            Exporter
          </button>
        </div>
        {exporter.error && !exporter.error.fields?.folder ? <ErrorBanner error={exporter.error} /> : null}
        {exported ? (
          <p className="banner banner-ok" role="status">
            {exported.files} réclamation(s) écrite(s) dans {exported.folder} (manifeste SHA-256 {exported.manifestSha256.slice(0, 16)}…).
          </p>
        ) : null}
      </form>

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
        <ErrorBanner error={load.error} />
        {resend?.step === 'ask-all' ? (
          <ReasonForm
            title={`Renvoyer ${abandoned === 1 ? 'la réclamation abandonnée' : `les ${formatNumber(abandoned)} réclamations abandonnées`} ? Elles repartent pour une nouvelle série d’essais, avec le même motif ; les échecs passés restent enregistrés. Les réclamations remplacées par une version plus récente ne partent jamais.`}
            label="Motif du renvoi"
            placeholder="ex. Connexion à l’ANAM rétablie après la coupure"
            confirm={abandoned === 1 ? 'Renvoyer' : `Renvoyer les ${formatNumber(abandoned)}`}
            pending={retryAll.pending}
            error={retryAll.error}
            onSubmit={(reason) => void confirmRetryAll(reason)}
            onCancel={() => setResend(null)}
          />
        ) : null}
        {resend?.step === 'done-all' ? (
          <OutcomeBanner tone={resend.report.requeued > 0 ? 'ok' : 'warn'}>
            {resend.report.requeued === 0
              ? 'Aucune réclamation abandonnée à renvoyer : elles ont peut-être déjà été remises dans la file depuis un autre poste.'
              : `${formatNumber(resend.report.requeued)} réclamation${resend.report.requeued > 1 ? 's' : ''} remise${resend.report.requeued > 1 ? 's' : ''} dans la file d’envoi : elles partent au prochain envoi (ou tout de suite avec « Envoyer maintenant »).`}
          </OutcomeBanner>
        ) : null}
        {resend?.step === 'ask' ? (
          <ReasonForm
            key={resend.message.id}
            title={`Renvoyer la réclamation ${resend.message.claim}, abandonnée après ${formatNumber(resend.message.attempts)} tentatives ? Elle repart pour une nouvelle série d’essais ; les échecs passés restent enregistrés.`}
            label="Motif du renvoi"
            placeholder="ex. Connexion à l’ANAM rétablie"
            confirm="Renvoyer"
            pending={retry.pending}
            error={retry.error}
            onSubmit={(reason) => void confirmRetry(resend.message, reason)}
            onCancel={() => setResend(null)}
          />
        ) : null}
        {resend?.step === 'done' ? (
          <OutcomeBanner key={resend.message.id} tone="ok">
            Réclamation {resend.message.claim} remise dans la file d’envoi : elle part au prochain envoi (ou tout de suite avec « Envoyer
            maintenant »).
          </OutcomeBanner>
        ) : null}
        <DataTable
          label="File d’envoi"
          rows={status ? [...status.messages].reverse() : []}
          columns={tableColumns}
          rowKey={(m) => m.key}
          csvName="file-envoi-anam.csv"
          pageSize={15}
          empty={status ? 'Aucune réclamation signée pour l’instant.' : 'Chargement…'}
        />
      </section>
      {importing ? <ImportResponseDialog onClose={() => setImporting(false)} onImported={reload} /> : null}
    </div>
  );
}
