import { useState, type FormEvent } from 'react';
import type { LineError, ReferenceImportReport } from '../../../../shared/domain/reference';
import type { ApiResult } from '../../../../shared/result';
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
  importFile(file: string): Promise<ApiResult<ReferenceImportReport>>;
  onImported(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ReferenceImportReport | null>(null);
  const upload = useCall((chosen: File) => registerFile(chosen, uploadKind));
  const run = useCall(importFile);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setReport(null);
    const registered = await upload.run(file);
    if (!registered) return;
    const result = await run.run(registered.ref);
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
      <ErrorBanner error={upload.error ?? run.error} />
      {report?.applied ? (
        <p className="banner banner-ok" role="status">
          Import terminé ({report.lines} ligne(s) lue(s)) : {report.inserted} nouvelle(s) version(s), {report.unchanged} déjà
          enregistrée(s), {report.closed} période(s) close(s).
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
