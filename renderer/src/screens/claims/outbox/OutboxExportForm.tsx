import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { notifyOutboxChanged } from '../../../lib/outbox-events';
import { useCommand } from '../../../lib/useCommand';

/** Without a network: every claim the ANAM has not received, written to a new folder on a USB key. */
export function OutboxExportForm() {
  const [folder, setFolder] = useState('');
  const exporter = useCommand('outbox.export');

  async function exportToKey(event: FormEvent) {
    event.preventDefault();
    if (await exporter.run({ folder })) notifyOutboxChanged();
  }

  const exported = exporter.result;
  return (
    <form className="card" onSubmit={(e) => void exportToKey(e)} noValidate aria-label="Exporter pour une clé USB">
      <h2>Sans réseau : exporter sur une clé USB</h2>
      <p className="muted section-intro">
        Écrit chaque réclamation pas encore reçue par l’ANAM dans un nouveau dossier (un fichier JSON par réclamation, le bordereau PDF et
        le CSV de chaque version, et un manifeste avec l’empreinte SHA-256 de chacun). Elles restent en attente jusqu’à ce que la réponse de
        l’ANAM soit importée.
      </p>
      <div className="build-row export-row">
        <Field
          label="Dossier de la clé (chemin complet)"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          error={exporter.error?.fields?.folder}
          placeholder="E:\ANAM"
        />
        <button type="submit" className="primary" disabled={exporter.running}>
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
  );
}
