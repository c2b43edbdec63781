import { useState, type FormEvent } from 'react';
import { REFERENCE_SIGNATURE_LABELS, type LineError, type ReferenceImportReport } from '../../../../shared/domain/reference';
import type { ApiResult } from '../../../../shared/contract/result';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { registerFile } from '../../lib/files';
import { useCall } from '../../lib/useCall';

const ERROR_COLUMNS: DataColumn<LineError>[] = [
  { key: 'line', header: 'Ligne', value: (e) => e.line, kind: 'number', width: '5rem' },
  { key: 'reason', header: 'À corriger', value: (e) => e.reason },
];

/** Picks a reference list file, imports it, and shows what changed or every line to fix. */
export function ReferenceImportCard({
  title,
  help,
  uploadKind,
  importFile,
  onImported,
}: {
  title: string;
  help: string;
  /** What the browser host is told the upload is for. */
  uploadKind: 'tarifs' | 'medicaments' | 'programmes';
  importFile(file: string, signature: string | undefined): Promise<ApiResult<ReferenceImportReport>>;
  onImported(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const [report, setReport] = useState<ReferenceImportReport | null>(null);
  const upload = useCall((chosen: File) => registerFile(chosen, uploadKind));
  const uploadSignature = useCall((chosen: File) => registerFile(chosen, 'signature'));
  const run = useCall(importFile);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setReport(null);
    const registered = await upload.run(file);
    if (!registered) return;
    let signatureRef: string | undefined;
    if (signature) {
      const sig = await uploadSignature.run(signature);
      if (!sig) return;
      signatureRef = sig.ref;
    }
    const result = await run.run(registered.ref, signatureRef);
    if (!result) return;
    setReport(result);
    if (result.applied) onImported();
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <p className="muted small">{help}</p>
      <div className="file-row">
        <FilePicker label={`Fichier : ${title}`} accept=".csv,text/csv" file={file} onChange={setFile} />
        <button type="submit" className="primary" disabled={!file || upload.pending || run.pending}>
          {run.pending || upload.pending ? 'Import…' : 'Importer'}
        </button>
      </div>
      <div className="field">
        <span className="field-label">Signature de l’ANAM (facultatif)</span>
        <FilePicker label={`Signature : ${title}`} accept=".sig,.txt" file={signature} onChange={setSignature} />
        <small className="muted">Le fichier .sig joint par l’ANAM à la liste.</small>
      </div>
      <ErrorBanner error={upload.error ?? uploadSignature.error ?? run.error} />
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
