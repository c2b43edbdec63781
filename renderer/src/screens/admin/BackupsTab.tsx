import { useState } from 'react';
import type { BackupEntry, BackupResult } from '../../../../shared/domain/backup';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatMegabytes } from '../../lib/bytes';
import { formatDateTime } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { BackupHistory } from './BackupHistory';
import { BackupNowCard } from './BackupNowCard';
import { BackupList } from './BackupList';
import { RestoreConfirm, RestoreFromFile, type RestoreChoice } from './RestoreForms';

function backupSummary(result: BackupResult): string {
  const pruned = result.pruned.length > 0 ? ` ${result.pruned.length} ancienne(s) sauvegarde(s) supprimée(s).` : '';
  return `Sauvegarde faite et vérifiée : ${result.manifest.file} (${formatMegabytes(result.manifest.size)}).${pruned}`;
}

/** Backups of the local database: make one now, see those of the folder and the history, restore one. */
export function BackupsTab() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreChoice | null>(null);
  const load = useQuery('backup.overview', {});
  const create = useCommand('backup.create');
  const choose = useCommand('settings.set');

  async function backupNow() {
    const id = crypto.randomUUID();
    setJobId(id);
    await create.run({ jobId: id });
    setJobId(null);
    load.reload();
  }

  /** The offered folder in one key press; another (a USB key) is chosen in the Paramètres tab. */
  async function chooseDefaultFolder(folder: string) {
    if (await choose.run({ key: 'backup.folder', value: folder })) load.reload();
  }

  const overview = load.data;
  if (!overview) return <ErrorBanner error={load.error} />;
  if (!overview.available) {
    return (
      <section className="card">
        <h2>Sauvegardes</h2>
        <p className="banner banner-warn">{overview.unavailableReason}</p>
      </section>
    );
  }
  return (
    <div className="stack">
      <BackupNowCard
        overview={overview}
        jobId={jobId}
        busy={restoring !== null}
        error={create.error}
        done={create.result ? backupSummary(create.result) : null}
        onBackup={() => void backupNow()}
        onChooseDefault={(folder) => void chooseDefaultFolder(folder)}
        chooseError={choose.error}
      />

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
