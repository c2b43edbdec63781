import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupOverview, BackupResult } from '../../../../shared/domain/backup';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ramed } from '../../lib/bridge';
import { formatMegabytes } from '../../lib/bytes';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { BackupHistory } from './BackupHistory';
import { BackupList } from './BackupList';
import { RestoreConfirm, RestoreFromFile, type RestoreChoice } from './RestoreForms';

function backupSummary(result: BackupResult): string {
  const pruned = result.pruned.length > 0 ? ` ${result.pruned.length} ancienne(s) sauvegarde(s) supprimée(s).` : '';
  return `Sauvegarde faite et vérifiée : ${result.manifest.file} (${formatMegabytes(result.manifest.size)}).${pruned}`;
}

/** Backups of the local database: make one now, see those of the folder and the history, restore one. */
export function BackupsTab() {
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreChoice | null>(null);
  const load = useCall(ramed.backup.overview);
  const create = useCall(ramed.backup.create);
  const choose = useCall(ramed.settings.set);
  const runLoad = load.run;
  const reload = useCallback(() => void runLoad({}).then((v) => v && setOverview(v)), [runLoad]);
  useEffect(reload, [reload]);

  async function backupNow() {
    const id = crypto.randomUUID();
    setDone(null);
    setJobId(id);
    const result = await create.run({ jobId: id });
    setJobId(null);
    if (result) setDone(backupSummary(result));
    reload();
  }

  /** The offered folder in one key press; another (a USB key) is chosen in the Paramètres tab. */
  async function chooseDefaultFolder(folder: string) {
    if (await choose.run({ key: 'backup.folder', value: folder })) reload();
  }

  if (!overview) return <ErrorBanner error={load.error} />;
  if (!overview.available) {
    return (
      <section className="card">
        <h2>Sauvegardes</h2>
        <p className="banner banner-warn">{overview.unavailableReason}</p>
      </section>
    );
  }
  const lastRun = overview.runs[0];
  return (
    <div className="stack">
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
                    Dossier proposé : <span className="mono">{overview.defaultFolder}</span> (sur ce poste ; une clé USB ou un autre disque,
                    à indiquer dans l’onglet Paramètres, protège aussi d’une panne du poste).{' '}
                    <button type="button" className="primary" onClick={() => void chooseDefaultFolder(overview.defaultFolder!)}>
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
            <ErrorBanner error={choose.error} />
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
            <button className="primary" onClick={() => void backupNow()} disabled={overview.folderState === 'unset' || restoring !== null}>
              Sauvegarder maintenant
            </button>
          </div>
        )}
        <ErrorBanner error={create.error} />
        {done ? (
          <p className="banner banner-ok" role="status">
            {done}
          </p>
        ) : null}
      </section>

      {restoring ? <RestoreConfirm choice={restoring} onCancel={() => setRestoring(null)} /> : null}

      <section className="card" aria-labelledby="backup-list">
        <h2 id="backup-list">Sauvegardes dans le dossier</h2>
        <BackupList
          backups={overview.backups}
          disabled={jobId !== null || restoring !== null}
          onRestore={(backup: BackupEntry) =>
            setRestoring({
              source: { kind: 'folder', name: backup.name },
              title: `la sauvegarde du ${formatDateTime(backup.manifest?.createdAt)} (${backup.name})`,
            })
          }
        />
      </section>

      <RestoreFromFile disabled={jobId !== null || restoring !== null} onChosen={setRestoring} />

      <section className="card" aria-labelledby="backup-history">
        <h2 id="backup-history">Historique</h2>
        <BackupHistory runs={overview.runs} />
      </section>
    </div>
  );
}
