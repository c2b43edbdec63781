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
  /** Sets the offered folder (on this computer) in one key press. */
  onChooseDefault(folder: string): void;
  chooseError: ApiError | null;
}

/** Where backups go, how often, the last success or failure, and « back up now ». */
export function BackupNowCard({ overview, jobId, busy, error, done, onBackup, onChooseDefault, chooseError }: Props) {
  const lastRun = overview.runs[0];
  return (
    <section className="card" aria-labelledby="backup-now">
      <h2 id="backup-now">Sauvegarder maintenant</h2>
      <dl className="facts">
        <dt>Dossier</dt>
        <dd>
          {overview.folderState === 'unset' ? (
            <>
              <span className="field-error">Aucun dossier choisi : aucune sauvegarde ne se fait.</span>
              {overview.defaultFolder ? (
                <span className="default-folder">
                  Dossier proposé : <span className="mono">{overview.defaultFolder}</span> (sur ce poste ; une clé USB ou un autre disque, à
                  indiquer dans l’onglet Paramètres, protège aussi d’une panne du poste).{' '}
                  <button type="button" className="primary" onClick={() => onChooseDefault(overview.defaultFolder!)}>
                    Utiliser ce dossier
                  </button>
                </span>
              ) : null}
            </>
          ) : (
            <>
              <span className="mono">{overview.folder}</span>
              {overview.folderState === 'missing' ? (
                overview.folder === overview.defaultFolder ? (
                  <span className="muted"> — créé à la première sauvegarde</span>
                ) : (
                  <span className="field-error"> — introuvable : branchez la clé USB.</span>
                )
              ) : null}
              {overview.folder === overview.defaultFolder ? <span className="muted"> (dossier proposé, sur ce poste)</span> : null}
            </>
          )}
          <ErrorBanner error={chooseError} />
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
