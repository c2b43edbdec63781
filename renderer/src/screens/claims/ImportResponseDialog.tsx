import { useState, type FormEvent } from 'react';
import type { ResponseImportReport } from '../../../../shared/domain/claim-responses';
import { CLAIM_STATUS_LABELS } from '../../../../shared/domain/claims';
import type { ApiError } from '../../../../shared/contract/result';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { formatFcfa, formatMonth } from '../../lib/format';
import { notifyOutboxChanged } from '../../lib/outbox-events';
import { useCommand } from '../../lib/useCommand';
import { useImportUpload } from '../../lib/useImportUpload';

/** What the import did: answers read, recorded, already known; where each claim stands now. */
function ImportReport({ report, onClose }: { report: ResponseImportReport; onClose(): void }) {
  return (
    <div className="stack">
      <p className="banner banner-ok" role="status">
        {report.fileName} : {report.responses} réponse(s), {report.applied} enregistrée(s), {report.unchanged} déjà connue(s)
        {report.errors > 0 ? `, ${report.errors} réclamation(s) que l’ANAM n’a pas pu traiter` : ''}.
      </p>
      <ul className="history">
        {report.claims.map((c) => (
          <li key={`${c.month}-${c.version}`}>
            <strong>
              {formatMonth(c.month)} v{c.version}
            </strong>{' '}
            – {CLAIM_STATUS_LABELS[c.status]} : accepté {formatFcfa(c.accepted)}, rejeté {formatFcfa(c.rejected)}
            {c.answered < c.claimed ? `, sans réponse ${formatFcfa(c.claimed - c.answered)}` : ''}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose}>
          Fermer
        </button>
      </div>
    </div>
  );
}

const MISSING_FILE: ApiError = {
  code: 'INVALID_INPUT',
  message: 'Choisissez le fichier de réponse de l’ANAM.',
  fields: { file: 'Choisissez le fichier.' },
};

/**
 * Imports the answer file the ANAM sent back (a ClaimResponse, or a Bundle of them): applied
 * whole, or refused with the reason and nothing changed. Matches each answer to its claim itself.
 */
export function ImportResponseDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useImportUpload();
  const importResponse = useCommand('claims.importResponse');
  const report = importResponse.result;
  const error = missingFile ? MISSING_FILE : (upload.error ?? importResponse.error);
  const pending = upload.running || importResponse.running;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissingFile(!file);
    if (!file) return;
    importResponse.reset();
    const refs = await upload.run(file, 'reponse');
    if (!refs || !(await importResponse.run({ file: refs.file }))) return;
    notifyOutboxChanged();
    onImported();
  }

  return (
    <Dialog title="Importer une réponse de l’ANAM" onClose={onClose}>
      {report ? (
        <ImportReport report={report} onClose={onClose} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Importer une réponse">
          <p className="muted section-intro">
            Le fichier que l’ANAM renvoie (clé USB ou messagerie) : une réponse FHIR « ClaimResponse » ou un lot de réponses. Il est
            appliqué entièrement, ou refusé sans rien changer ; l’importer deux fois ne change rien.
          </p>
          <div className={`field${error?.fields?.file ? ' field-invalid' : ''}`}>
            <span className="field-label">Fichier de réponse (.json)</span>
            <FilePicker
              label="Fichier de réponse de l’ANAM"
              accept=".json,application/json,application/fhir+json"
              file={file}
              onChange={setFile}
            />
            {error?.fields?.file ? <small className="field-error">{error.fields.file}</small> : null}
          </div>
          {error && !error.fields?.file ? <ErrorBanner error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={pending}>
              {pending ? 'Import en cours…' : 'Importer'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
