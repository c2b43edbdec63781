import { useCallback, useEffect, useState } from 'react';
import type { ClaimExportFormat } from '../../../../shared/api/claims';
import type { ClaimFollowUpView } from '../../../../shared/domain/claim-responses';
import type { ClaimView } from '../../../../shared/domain/claims';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ramed } from '../../lib/bridge';
import { downloadFile } from '../../lib/files';
import { focusWhenDrawn } from '../../lib/focus';
import { formatDateTime, formatFcfa, formatNumber } from '../../lib/format';
import { ofMonth } from '../../../../shared/lib/months';
import { notifyOutboxChanged } from '../../lib/outbox-events';
import { useCall } from '../../lib/useCall';
import { CategoryTotals } from './CategoryTotals';
import { ClaimFollowUp } from './ClaimFollowUp';
import { ClaimLinesTable } from './ClaimLinesTable';
import { ClaimStatusBadge } from './ClaimStatusBadge';
import { ExclusionsTable } from './ExclusionsTable';
import { FlagsTable } from './FlagsTable';
import { MissingEpisodes } from './MissingEpisodes';
import { MonthEndChecklist } from './MonthEndChecklist';
import { ReasonForm } from './ReasonForm';
import { SignDialog } from './SignDialog';
import type { ClaimChange } from './targets';

const EXPORTS: Array<[ClaimExportFormat, string]> = [
  ['pdf', 'Bordereau PDF'],
  ['fhir', 'FHIR R4 (JSON)'],
  ['csv', 'Tableur (CSV)'],
];

type Place = 'flags' | 'lines' | 'exclusions';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);

/**
 * One version of a month's claim (the month's newest by default): the checks that fired first, the
 * lines, exclusions, episodes still open, totals by category; sign-off for a draft; for a signed
 * version, its exports and what the ANAM answered and paid.
 */
export function ClaimDetail({
  month,
  version,
  onBack,
  onOpen,
}: {
  month: string;
  version?: number | undefined;
  onBack(): void;
  /** Opens another version of the month (a resubmission, a new draft). */
  onOpen(version: number): void;
}) {
  const [view, setView] = useState<ClaimView | null>(null);
  const [follow, setFollow] = useState<ClaimFollowUpView | null>(null);
  const [change, setChange] = useState<(ClaimChange & { from: Place }) | null>(null);
  const [signing, setSigning] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const get = useCall(ramed.claims.get);
  const exclude = useCall(ramed.claims.exclude);
  const cancel = useCall(ramed.claims.cancelExclusion);
  const build = useCall(ramed.claims.build);
  const exporter = useCall(ramed.claims.export);
  const followUp = useCall(ramed.claims.followUp);
  const load = get.run;
  const loadFollowUp = followUp.run;
  const reload = useCallback(
    () =>
      void load({ month, ...(version ? { version } : {}) }).then(async (v) => {
        if (!v) return;
        setView(v);
        setFollow(v.summary.status === 'brouillon' ? null : ((await loadFollowUp({ month, version: v.summary.version })) ?? null));
      }),
    [load, loadFollowUp, month, version],
  );
  useEffect(reload, [reload]);

  // Escape (outside a field or dialog) goes back to the list.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Escape in a dialog closes the dialog only.
      const inDialog = event.target instanceof Element && event.target.closest('dialog') !== null;
      if (event.key === 'Escape' && !event.defaultPrevented && !isTyping(event.target) && !signing && !inDialog) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack, signing]);

  async function apply(reason: string) {
    if (!change) return;
    const next =
      change.kind === 'exclude'
        ? await exclude.run({ month, episodeId: change.episodeId, ...(change.lineKey ? { lineKey: change.lineKey } : {}), reason })
        : await cancel.run({ month, exclusionId: change.exclusionId, reason });
    if (!next) return;
    setChange(null);
    if (next.summary.version !== view?.summary.version) onOpen(next.summary.version);
    else setView(next);
    // The exclusion (or its cancellation) reads in the exclusions' table: its heading takes the focus.
    focusWhenDrawn(() => document.getElementById('claim-exclusions'));
  }

  async function rebuild() {
    const id = crypto.randomUUID();
    setJobId(id);
    const built = await build.run({ month, jobId: id });
    setJobId(null);
    if (!built) return;
    if (built.version !== view?.summary.version) onOpen(built.version);
    else reload();
  }

  async function download(format: ClaimExportFormat) {
    if (!view) return;
    const file = await exporter.run({ month, version: view.summary.version, format });
    if (file) downloadFile(file);
  }

  const pendingChange = change?.kind === 'exclude' ? exclude : cancel;
  const placeIn = (from: Place) => (c: ClaimChange) => setChange({ ...c, from });
  const reasonFor = (from: Place) =>
    change?.from === from ? (
      <ReasonForm
        key={JSON.stringify(change)}
        title={change.title}
        label={change.kind === 'exclude' ? 'Motif de l’exclusion' : 'Motif de l’annulation'}
        placeholder={change.kind === 'exclude' ? 'ex. Acte saisi en double' : 'ex. Pièce d’identité retrouvée'}
        confirm={change.kind === 'exclude' ? 'Exclure' : 'Remettre dans la réclamation'}
        pending={pendingChange.pending}
        error={pendingChange.error}
        onSubmit={(reason) => void apply(reason)}
        onCancel={() => {
          setChange(null);
          focusWhenDrawn(() => document.getElementById(`claim-${from}`));
        }}
      />
    ) : null;

  const summary = view?.summary;
  const draft = summary?.status === 'brouillon';
  const sentAt = follow?.claim.followUp?.sentAt ?? null;
  const resubmitted = follow?.claim.followUp?.resubmitsVersion ?? null;
  // Once a version has left for the ANAM it is no longer replaced: what it rejected is resubmitted.
  const editable = draft || (sentAt === null && !summary?.resubmitsId);
  return (
    <div className="stack">
      <div>
        <button type="button" onClick={onBack}>
          ← Retour aux réclamations
        </button>
      </div>
      <ErrorBanner error={get.error} />
      {view && summary ? (
        <>
          <section className="card claim-header" aria-labelledby="claim-title">
            <div>
              <h2 id="claim-title">
                Réclamation {ofMonth(month)} — version {summary.version} <ClaimStatusBadge status={summary.status} />
              </h2>
              <p className="muted">
                Construite le {formatDateTime(summary.builtAt)} par {summary.builtBy}
                {summary.signedAt ? ` ; signée le ${formatDateTime(summary.signedAt)} par ${summary.signedBy}` : ''}
                {view.document.previousSha256 ? ` ; remplace la version signée ${view.document.previousSha256.slice(0, 12)}…` : ''}
                {resubmitted ? ` ; resoumission des lignes corrigées de la version ${resubmitted}` : ''}
              </p>
            </div>
            <dl className="claim-figures">
              <div>
                <dt>Épisodes</dt>
                <dd>{formatNumber(view.document.episodes.length)}</dd>
              </div>
              <div>
                <dt>Total RAMED</dt>
                <dd>{formatFcfa(view.document.total)}</dd>
              </div>
              <div>
                <dt>Bloquants</dt>
                <dd className={view.blocking > 0 ? 'state-bad' : 'state-ok'}>{formatNumber(view.blocking)}</dd>
              </div>
            </dl>
            <div className="claim-actions">
              {draft ? (
                <>
                  <button type="button" className="primary" onClick={() => setSigning(true)} disabled={jobId !== null}>
                    Signer…
                  </button>
                  <button type="button" onClick={() => void rebuild()} disabled={jobId !== null}>
                    Reconstruire
                  </button>
                </>
              ) : (
                EXPORTS.map(([format, label]) => (
                  <button key={format} type="button" onClick={() => void download(format)} disabled={exporter.pending}>
                    {label}
                  </button>
                ))
              )}
            </div>
          </section>
          {jobId ? <JobProgressBar key={jobId} jobId={jobId} label="Construction de la réclamation" /> : null}
          <ErrorBanner error={build.error ?? exporter.error ?? followUp.error} />
          {!draft ? (
            <p className="banner banner-ok" role="status">
              Version signée, empreinte <span className="mono">{view.sha256.slice(0, 16)}…</span> : elle ne change plus.{' '}
              {editable
                ? `Une exclusion créera une nouvelle version, qui remplacera celle-ci tant qu’elle n’est pas partie.`
                : sentAt
                  ? `Partie vers l’ANAM le ${formatDateTime(sentAt)} : ce qu’elle rejette se corrige par une resoumission.`
                  : ''}
            </p>
          ) : null}
          {draft ? <MonthEndChecklist checklist={view.checklist} earlyReason={summary.earlyReason} /> : null}
          {follow ? <ClaimFollowUp view={follow} onChanged={reload} onOpenVersion={onOpen} /> : null}

          <section className="card" aria-labelledby="claim-flags">
            <h2 id="claim-flags">Contrôles signalés ({view.flags.filter((f) => !f.resolved).length} à traiter)</h2>
            {reasonFor('flags')}
            <FlagsTable flags={view.flags} document={view.document} editable={editable} onChange={placeIn('flags')} />
          </section>

          <CategoryTotals document={view.document} />

          <section className="card" aria-labelledby="claim-lines">
            <h2 id="claim-lines">Lignes de la réclamation</h2>
            {reasonFor('lines')}
            <ClaimLinesTable document={view.document} flags={view.flags} editable={editable} onChange={placeIn('lines')} />
          </section>

          <section className="card" aria-labelledby="claim-exclusions">
            <h2 id="claim-exclusions">Exclusions ({view.exclusions.length})</h2>
            {reasonFor('exclusions')}
            <ExclusionsTable exclusions={view.exclusions} document={view.document} editable={editable} onChange={placeIn('exclusions')} />
          </section>

          <MissingEpisodes missing={view.missing} />
          {signing ? (
            <SignDialog
              view={view}
              onClose={() => setSigning(false)}
              onSigned={() => {
                setSigning(false);
                notifyOutboxChanged();
                reload();
              }}
            />
          ) : null}
        </>
      ) : get.pending ? (
        <p className="muted">Chargement…</p>
      ) : null}
    </div>
  );
}
