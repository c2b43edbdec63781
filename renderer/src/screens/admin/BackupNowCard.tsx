import type { ApiError } from '../../../../shared/contract/result';
import type { BackupOverview } from '../../../../shared/domain/backup';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { formatMegabytes } from '../../lib/bytes';
import { formatDateTime } from '../../lib/format';

interface Props {
  overview: BackupOverview;
  /** The backup under way (its progress shown instead of the button). */
  jobId: string | null;
  /** A restore is being asked: no backup meanwhile. */
  busy: boolean;
  error: ApiError | null;
  /** What the last backup did, in a sentence. */
  done: string | null;
  onBackup(): void;
}

/** Where backups go, how often, the last success or failure, and « back up now ». */
export function BackupNowCard({ overview, jobId, busy, error, done, onBackup }: Props) {
  const lastRun = overview.runs[0];
  return (
    <section className="card" aria-labelledby="backup-now">
      <h2 id="backup-now">Sauvegarder maintenant</h2>
      <dl className="facts">
        <dt>Dossier</dt>
        <dd>
          {overview.folderState === 'unset' ? (
            <span className="field-error">Aucun dossier choisi : indiquez-le dans l’onglet Paramètres, section Sauvegardes.</span>
          ) : (
            <>
              <span className="mono">{overview.folder}</span>
              {overview.folderState === 'missing' ? <span className="field-error"> — introuvable : branchez la clé USB.</span> : null}
            </>
          )}
        </dd>
        <dt>Sauvegarde automatique</dt>
        <dd>
          {overview.intervalHours === 0
            ? 'désactivée'
            : overview.folderState === 'unset'
              ? 'aucune tant qu’aucun dossier n’est choisi'
              : `toutes les ${overview.intervalHours} h${overview.nextDueAt ? ` — prochaine vers le ${formatDateTime(overview.nextDueAt)}` : ''}`}
        </dd>
        <dt>Sauvegardes gardées</dt>
        <dd>les {overview.keep} plus récentes</dd>
        <dt>Dernière réussie</dt>
        <dd>{overview.lastSuccessAt ? formatDateTime(overview.lastSuccessAt) : 'aucune'}</dd>
      </dl>
      {lastRun && lastRun.outcome === 'failed' ? (
        <p className="banner banner-warn">
          Dernière tentative le {formatDateTime(lastRun.finishedAt)} : échec. {lastRun.message}
        </p>
      ) : null}
      {jobId ? (
        <JobProgressBar key={jobId} jobId={jobId} label="Préparation de la sauvegarde" formatCount={formatMegabytes} />
      ) : (
        <div className="form-actions">
          <button className="primary" onClick={onBackup} disabled={overview.folderState === 'unset' || busy}>
            Sauvegarder maintenant
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      {done ? (
        <p className="banner banner-ok" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
