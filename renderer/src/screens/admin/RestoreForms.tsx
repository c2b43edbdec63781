import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { formatMegabytes } from '../../lib/bytes';
import { registerFile } from '../../lib/files';
import { useCommand } from '../../lib/useCommand';
import type { RestoreSource } from '../../../../shared/api/backup';
import type { ApiError } from '../../../../shared/contract/result';

/** What the restore confirmation is about: a backup of the folder, or files the user picked. */
export interface RestoreChoice {
  source: RestoreSource;
  /** How to name it to the user. */
  title: string;
}

const isManifest = (file: File) => file.name.endsWith('.manifest.json');

/** A backup brought from elsewhere: its file and, next to it, its manifest. */
export function RestoreFromFile({ disabled, onChosen }: { disabled: boolean; onChosen(choice: RestoreChoice): void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const backup = files.find((f) => !isManifest(f));
  const manifest = files.find(isManifest);

  async function choose() {
    if (!backup) return;
    setPending(true);
    setError(null);
    const file = await registerFile(backup, 'sauvegarde');
    const sidecar = manifest ? await registerFile(manifest, 'manifeste') : null;
    setPending(false);
    if (!file.ok) return setError(file.error);
    if (sidecar && !sidecar.ok) return setError(sidecar.error);
    onChosen({
      source: { kind: 'file', file: file.value.ref, ...(sidecar?.ok ? { manifest: sidecar.value.ref } : {}) },
      title: `le fichier ${backup.name}`,
    });
  }

  return (
    <section className="card" aria-labelledby="restore-file">
      <h2 id="restore-file">Restaurer depuis un fichier</h2>
      <p className="muted section-intro">
        Choisissez la sauvegarde (fichier <span className="mono">.db</span>) et son manifeste (
        <span className="mono">.db.manifest.json</span>, à côté d’elle) : le manifeste permet de vérifier que la copie est intacte.
      </p>
      <div className="form-actions">
        {/* The browser's own file button speaks the system's language: ours speaks French. */}
        <label className="file-button">
          <input
            type="file"
            multiple
            accept=".db,.json"
            aria-label="Fichiers de la sauvegarde"
            className="visually-hidden"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
          Choisir les fichiers…
        </label>
        <span className={files.length > 0 ? 'mono small' : 'muted'}>
          {files.length > 0 ? files.map((f) => f.name).join(', ') : 'Aucun fichier choisi'}
        </span>
        <button type="button" onClick={() => void choose()} disabled={disabled || !backup || pending}>
          Restaurer…
        </button>
      </div>
      {backup && !manifest ? (
        <p className="muted small">Sans manifeste choisi, il sera cherché à côté du fichier (application de bureau seulement).</p>
      ) : null}
      <ErrorBanner error={error} />
    </section>
  );
}

/** The last word before the database is replaced: what will happen, then the restore with its progress. */
export function RestoreConfirm({ choice, onCancel }: { choice: RestoreChoice; onCancel(): void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const restore = useCommand('backup.restore');

  async function confirm() {
    const id = crypto.randomUUID();
    setJobId(id);
    // On success every session ends and the window returns to the login screen.
    await restore.run({ source: choice.source, jobId: id });
    setJobId(null);
  }

  return (
    <section className="card card-warn" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-what">
      <h2 id="restore-title">Restaurer {choice.title} ?</h2>
      <ul id="restore-what">
        <li>
          La sauvegarde est d’abord vérifiée : si elle est abîmée, incomplète, d’un autre établissement ou d’une version plus récente, rien
          ne change.
        </li>
        <li>La base actuelle est gardée à côté, renommée avec la date et l’heure : elle n’est pas supprimée.</li>
        <li>Ce qui a été saisi depuis cette sauvegarde n’apparaîtra plus. Tous les utilisateurs devront se reconnecter.</li>
      </ul>
      {jobId ? (
        <JobProgressBar key={jobId} jobId={jobId} label="Préparation de la restauration" formatCount={formatMegabytes} />
      ) : (
        <div className="form-actions">
          <button type="button" className="primary danger" onClick={() => void confirm()} autoFocus>
            Confirmer la restauration
          </button>
          <button type="button" onClick={onCancel}>
            Annuler
          </button>
        </div>
      )}
      <ErrorBanner error={restore.error} />
    </section>
  );
}
