import type { FormEvent } from 'react';
import { IMPORT_MODE_LABELS, type ImportMode } from '../../../../shared/domain/registry-import';
import { SelectField } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { JobProgressBar } from '../../components/JobProgressBar';

/** What the administrator chose to import: the ANAM's file, its signature, the mode, strictness. */
export interface RegistryImportChoice {
  file: File | null;
  signature: File | null;
  mode: ImportMode;
  strict: boolean;
}

interface RegistryImportFormProps {
  choice: RegistryImportChoice;
  onChoice(choice: RegistryImportChoice): void;
  fileError: string | undefined;
  /** The import under way, if any. */
  jobId: string | null;
  onImport(dryRun: boolean): void;
}

/** The registry import form; while an import runs, its progress stands in place of the buttons. */
export function RegistryImportForm({ choice, onChoice, fileError, jobId, onImport }: RegistryImportFormProps) {
  const change = (part: Partial<RegistryImportChoice>) => onChoice({ ...choice, ...part });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onImport(false);
  };
  return (
    <form noValidate onSubmit={submit} aria-label="Importer un fichier du registre">
      <fieldset className="plain" disabled={jobId !== null}>
        <div className="grid-2">
          <div className={`field${fileError ? ' field-invalid' : ''}`}>
            <span className="field-label">Fichier du registre</span>
            <FilePicker
              label="Fichier du registre"
              accept=".csv,.gz,.txt,.tsv,text/csv,application/gzip"
              file={choice.file}
              onChange={(file) => change({ file })}
            />
            {fileError ? (
              <small className="field-error" role="alert">
                {fileError}
              </small>
            ) : (
              <small className="muted">CSV ou CSV compressé (.csv.gz), tel que l’ANAM l’envoie.</small>
            )}
          </div>
          <div className="field">
            <span className="field-label">Signature (facultatif)</span>
            <FilePicker
              label="Signature du fichier"
              accept=".sig,.txt"
              file={choice.signature}
              onChange={(signature) => change({ signature })}
            />
            <small className="muted">Le fichier .sig joint par l’ANAM, s’il n’est pas à côté du fichier.</small>
          </div>
        </div>
        <div className="grid-2">
          <SelectField
            label="Mode d’import"
            value={choice.mode}
            onChange={(e) => change({ mode: e.target.value as ImportMode })}
            options={(['delta', 'full'] as const).map((m) => ({ value: m, label: IMPORT_MODE_LABELS[m] }))}
          />
          <div className="field">
            <span className="field-label">Lignes incorrectes</span>
            <label className="checkbox">
              <input type="checkbox" checked={choice.strict} onChange={(e) => change({ strict: e.target.checked })} />
              Refuser tout le fichier à la première ligne incorrecte (mode strict)
            </label>
          </div>
        </div>
      </fieldset>
      {jobId ? (
        <JobProgressBar key={jobId} jobId={jobId} label="Préparation de l’import" />
      ) : (
        <div className="actions">
          <button type="submit" className="primary">
            {choice.mode === 'full' ? 'Importer le registre complet' : 'Importer la mise à jour'}
          </button>
          <button type="button" onClick={() => onImport(true)}>
            Essai à blanc (ne rien modifier)
          </button>
        </div>
      )}
    </form>
  );
}
