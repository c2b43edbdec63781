import { useState, type FormEvent } from 'react';
import { REFERENCE_SIGNATURE_LABELS, type LineError } from '../../../../shared/domain/reference';
import type { UploadKind } from '../../../../shared/contract/uploads';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { useCommand } from '../../lib/useCommand';
import { useImportUpload } from '../../lib/useImportUpload';

/** The methods that import a reference list, and what the browser host is told each upload is for. */
const UPLOAD_KINDS = {
  'tariffs.import': 'tarifs',
  'medicines.import': 'medicaments',
  'programmes.import': 'programmes',
} as const satisfies Record<string, UploadKind>;
export type ReferenceImportMethod = keyof typeof UPLOAD_KINDS;

const ERROR_COLUMNS: DataColumn<LineError>[] = [
  { key: 'line', header: 'Ligne', value: (e) => e.line, kind: 'number', width: '5rem' },
  { key: 'reason', header: 'À corriger', value: (e) => e.reason },
];

/** Picks a reference list file, imports it, and shows what changed or every line to fix. */
export function ReferenceImportCard({
  title,
  help,
  method,
  onImported,
}: {
  title: string;
  help: string;
  method: ReferenceImportMethod;
  onImported(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const upload = useImportUpload();
  const importList = useCommand(method);
  const report = importList.result;
  const pending = upload.running || importList.running;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    importList.reset();
    const refs = await upload.run(file, UPLOAD_KINDS[method], signature);
    if (!refs) return;
    const result = await importList.run(refs);
    if (result?.applied) onImported();
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <p className="muted small">{help}</p>
      <div className="file-row">
        <FilePicker label={`Fichier : ${title}`} accept=".csv,text/csv" file={file} onChange={setFile} />
        <button type="submit" className="primary" disabled={!file || pending}>
          {pending ? 'Import…' : 'Importer'}
        </button>
      </div>
      <div className="field">
        <span className="field-label">Signature de l’ANAM (facultatif)</span>
        <FilePicker label={`Signature : ${title}`} accept=".sig,.txt" file={signature} onChange={setSignature} />
        <small className="muted">Le fichier .sig joint par l’ANAM à la liste.</small>
      </div>
      <ErrorBanner error={upload.error ?? importList.error} />
      {report?.applied ? (
        <p className="banner banner-ok" role="status">
          Import terminé ({report.lines} ligne(s) lue(s)), {REFERENCE_SIGNATURE_LABELS[report.signature]} : {report.inserted} nouvelle(s)
          version(s), {report.unchanged} déjà enregistrée(s), {report.closed} période(s) close(s).
        </p>
      ) : null}
      {report && !report.applied ? (
        <>
          <p className="banner banner-error" role="alert">
            Fichier refusé : {report.rejected.length} ligne(s) à corriger. Rien n’a été importé.
          </p>
          <DataTable
            label={`Lignes refusées : ${title}`}
            rows={report.rejected}
            columns={ERROR_COLUMNS}
            rowKey={(e) => `${e.line}-${e.reason}`}
            pageSize={10}
          />
        </>
      ) : null}
      {report?.warnings.map((w) => (
        <p key={w} className="banner banner-warn">
          {w}
        </p>
      ))}
    </form>
  );
}
