import { useState } from 'react';
import type { ClaimExportFormat } from '../../../../shared/api/claims';
import type { ClaimView } from '../../../../shared/domain/claims';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { downloadFile } from '../../lib/files';
import { notifyOutboxChanged } from '../../lib/outbox-events';
import { useCommand } from '../../lib/useCommand';
import { useEscapeBack } from '../../lib/useEscapeBack';
import { useQuery } from '../../lib/useQuery';
import { ClaimFollowUp } from './ClaimFollowUp';
import { ClaimHeader } from './detail/ClaimHeader';
import { ClaimReview } from './detail/ClaimReview';
import { SignedBanner } from './detail/SignedBanner';
import { useRebuild } from './detail/useRebuild';
import { MonthEndChecklist } from './MonthEndChecklist';
import { SignDialog } from './SignDialog';

interface Props {
  month: string;
  version?: number | undefined;
  onBack(): void;
  /** Opens another version of the month (a resubmission, a new draft). */
  onOpen(version: number): void;
}

/**
 * One version of a month's claim (the month's newest by default): the checks that fired first, the
 * lines, exclusions, episodes still open, totals by category; sign-off for a draft; for a signed
 * version, its exports and what the ANAM answered and paid.
 */
export function ClaimDetail({ month, version, onBack, onOpen }: Props) {
  const claim = useQuery('claims.get', { month, ...(version ? { version } : {}) });
  const view = claim.data;
  const draft = view?.summary.status === 'brouillon';
  // What the ANAM answered and paid, for a signed version: asked again each time the version is.
  const follow = useQuery(
    'claims.followUp',
    { month, version: view?.summary.version ?? 0 },
    { enabled: !!view && !draft, reloadKey: view },
  );
  const sameVersion = (v: number) => v === view?.summary.version;
  const build = useRebuild(month, (v) => (sameVersion(v) ? claim.reload() : onOpen(v)));
  const exporter = useCommand('claims.export');
  const [signing, setSigning] = useState(false);
  useEscapeBack(onBack, signing);

  async function download(format: ClaimExportFormat) {
    if (!view) return;
    const file = await exporter.run({ month, version: view.summary.version, format });
    if (file) downloadFile(file);
  }

  const changed = (next: ClaimView) => (sameVersion(next.summary.version) ? claim.setData(next) : onOpen(next.summary.version));
  const followUp = follow.data?.claim.followUp;
  const sentAt = followUp?.sentAt ?? null;
  // Once a version has left for the ANAM it is no longer replaced: what it rejected is resubmitted.
  const editable = draft || (sentAt === null && !view?.summary.resubmitsId);
  return (
    <div className="stack">
      <div>
        <button type="button" onClick={onBack}>
          ← Retour aux réclamations
        </button>
      </div>
      <ErrorBanner error={claim.error} />
      {view ? (
        <>
          <ClaimHeader
            month={month}
            view={view}
            resubmitted={followUp?.resubmitsVersion ?? null}
            building={build.jobId !== null}
            exporting={exporter.running}
            onSign={() => setSigning(true)}
            onRebuild={() => void build.rebuild()}
            onDownload={(format) => void download(format)}
          />
          {build.jobId ? <JobProgressBar key={build.jobId} jobId={build.jobId} label="Construction de la réclamation" /> : null}
          <ErrorBanner error={build.error ?? exporter.error ?? follow.error} />
          {!draft ? <SignedBanner sha256={view.sha256} editable={editable} sentAt={sentAt} /> : null}
          {draft ? <MonthEndChecklist checklist={view.checklist} earlyReason={view.summary.earlyReason} /> : null}
          {follow.data ? <ClaimFollowUp view={follow.data} onChanged={claim.reload} onOpenVersion={onOpen} /> : null}
          <ClaimReview month={month} view={view} editable={editable} onChanged={changed} />
          {signing ? (
            <SignDialog
              view={view}
              onClose={() => setSigning(false)}
              onSigned={() => {
                setSigning(false);
                notifyOutboxChanged();
                claim.reload();
              }}
            />
          ) : null}
        </>
      ) : claim.loading ? (
        <p className="muted">Chargement…</p>
      ) : null}
    </div>
  );
}
