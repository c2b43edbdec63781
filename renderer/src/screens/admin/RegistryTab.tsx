import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  IMPORT_MODE_LABELS,
  IMPORT_STATUS_LABELS,
  type ImportMode,
  type ImportResult,
  type ImportSummary,
  type RegistryOverview,
  type SignatureStatus,
} from '../../../../shared/domain/registry-import';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ramed } from '../../lib/bridge';
import { registerFile } from '../../lib/files';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { AnamPullCard } from './AnamPullCard';
import { RejectionReport } from './RejectionReport';

const MODE_SHORT: Record<ImportMode, string> = { full: 'Complet', delta: 'Mise à jour' };

interface Confirmations {
  acceptGap?: boolean;
  force?: boolean;
}
const NOTHING_CONFIRMED: Confirmations = {};

/** The confirmations a refused import asks for, named by the fields of its CONFLICT answer. */
function confirmationsAsked(fields: Record<string, string> | undefined): Confirmations | null {
  if (!fields) return null;
  const asked: Confirmations = {};
  if ('acceptGap' in fields) asked.acceptGap = true;
  if ('force' in fields) asked.force = true;
  return asked.acceptGap || asked.force ? asked : null;
}
const SIGNATURE_SHORT: Record<SignatureStatus, string> = {
  valid: 'Valide',
  invalid: 'Invalide',
  missing: 'Absente',
  unsigned: 'Non signé',
  unverified: 'Non vérifiée',
};

const HISTORY_COLUMNS: DataColumn<ImportSummary>[] = [
  {
    key: 'startedAt',
    header: 'Date',
    value: (i) => i.startedAt,
    render: (i) => <span className="nowrap">{formatDateTime(i.startedAt)}</span>,
  },
  {
    key: 'fileName',
    header: 'Fichier',
    value: (i) => i.fileName,
    render: (i) => (
      <span className="clip" title={i.fileName}>
        {i.fileName}
      </span>
    ),
  },
  { key: 'mode', header: 'Mode', value: (i) => MODE_SHORT[i.mode] },
  { key: 'sequence', header: 'N°', value: (i) => i.sequence ?? '', kind: 'number' },
  { key: 'status', header: 'État', value: (i) => IMPORT_STATUS_LABELS[i.status] },
  { key: 'signature', header: 'Signature', value: (i) => SIGNATURE_SHORT[i.signature] },
  { key: 'inserted', header: 'Nouvelles', value: (i) => i.inserted, kind: 'number' },
  { key: 'updated', header: 'Modifiées', value: (i) => i.updated, kind: 'number' },
  { key: 'unchanged', header: 'Inchangées', value: (i) => i.unchanged, kind: 'number' },
  { key: 'struckOff', header: 'Radiées', value: (i) => i.struckOff, kind: 'number' },
  { key: 'rejected', header: 'Rejetées', value: (i) => i.rejected, kind: 'number' },
  { key: 'byLogin', header: 'Par', value: (i) => i.byLogin },
];

/** Administration › Registre: import the ANAM file (progress, cancel, rejected lines) and its history. */
export function RegistryTab() {
  const [overview, setOverview] = useState<RegistryOverview | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('delta');
  const [strict, setStrict] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [selected, setSelected] = useState<ImportSummary | null>(null);
  /** What the administrator confirmed after the import asked (missing updates, mass strike-off). */
  const [confirmed, setConfirmed] = useState<Confirmations>(NOTHING_CONFIRMED);
  const load = useCall(ramed.registry.imports);
  const importCall = useCall(ramed.registry.import);
  const loadOverview = load.run;

  const refresh = useCallback(() => void loadOverview({}).then((v) => v && setOverview(v)), [loadOverview]);
  useEffect(refresh, [refresh]);

  const asked = importCall.error?.code === 'CONFLICT' ? confirmationsAsked(importCall.error.fields) : null;

  async function submit(event: FormEvent, dryRun = false, confirmations: Confirmations = NOTHING_CONFIRMED) {
    event.preventDefault();
    setConfirmed(confirmations);
    setResult(null);
    setSelected(null);
    if (!file) return setFileError('Choisissez le fichier du registre envoyé par l’ANAM (.csv ou .csv.gz).');
    setFileError(undefined);
    const id = crypto.randomUUID();
    setJobId(id);
    try {
      const registered = await registerFile(file, 'registre');
      if (!registered.ok) return setFileError(registered.error.message);
      let signatureRef: string | undefined;
      if (signature) {
        const sig = await registerFile(signature, 'signature');
        if (!sig.ok) return setFileError(sig.error.message);
        signatureRef = sig.value.ref;
      }
      const value = await importCall.run({
        file: registered.value.ref,
        signature: signatureRef,
        mode,
        strict,
        dryRun,
        ...confirmations,
        jobId: id,
      });
      if (value) setResult(value);
    } finally {
      setJobId(null);
      refresh();
    }
  }

  const lastImport = overview?.lastImportAt ?? null;
  const ageDays = overview?.lastImportAgeDays ?? null;

  return (
    <div className="stack">
      <section className="card">
        <h2>Registre de l’ANAM</h2>
        <ErrorBanner error={load.error} />
        {overview ? (
          <p>
            <strong>{formatNumber(overview.persons)}</strong> personne(s) dans le registre local.{' '}
            {lastImport
              ? `Dernier import réussi le ${formatDateTime(lastImport)} (il y a ${ageDays === 0 ? 'moins d’un jour' : `${ageDays} jour(s)`}).`
              : 'Aucun import réussi pour l’instant.'}
          </p>
        ) : null}
        {overview?.stale ? (
          <p className="banner banner-warn">
            {lastImport === null || overview.persons === 0
              ? 'Registre vide : importez le fichier de l’ANAM, sans lui l’accueil ne peut reconnaître aucun bénéficiaire.'
              : `Registre ancien (plus de ${overview.freshnessDays} jours) : importez le dernier fichier de l’ANAM pour que l’accueil décide sur des données à jour.`}
          </p>
        ) : null}

        <form noValidate onSubmit={submit} aria-label="Importer un fichier du registre">
          <fieldset className="plain" disabled={jobId !== null}>
            <div className="grid-2">
              <div className={`field${fileError ? ' field-invalid' : ''}`}>
                <span className="field-label">Fichier du registre</span>
                <FilePicker
                  label="Fichier du registre"
                  accept=".csv,.gz,.txt,.tsv,text/csv,application/gzip"
                  file={file}
                  onChange={setFile}
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
                <FilePicker label="Signature du fichier" accept=".sig,.txt" file={signature} onChange={setSignature} />
                <small className="muted">Le fichier .sig joint par l’ANAM, s’il n’est pas à côté du fichier.</small>
              </div>
            </div>
            <div className="grid-2">
              <SelectField
                label="Mode d’import"
                value={mode}
                onChange={(e) => setMode(e.target.value as ImportMode)}
                options={(['delta', 'full'] as const).map((m) => ({ value: m, label: IMPORT_MODE_LABELS[m] }))}
              />
              <div className="field">
                <span className="field-label">Lignes incorrectes</span>
                <label className="checkbox">
                  <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
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
                {mode === 'full' ? 'Importer le registre complet' : 'Importer la mise à jour'}
              </button>
              <button type="button" onClick={(e) => void submit(e, true)}>
                Essai à blanc (ne rien modifier)
              </button>
            </div>
          )}
        </form>
        <ErrorBanner error={importCall.error} />
        {asked && !jobId ? (
          <div className="banner banner-warn" role="group" aria-label="Confirmation demandée">
            <p>Le fichier n’a pas été importé : lisez le message ci-dessus. Pour l’importer quand même, confirmez.</p>
            <button type="button" className="primary" onClick={(e) => void submit(e, false, { ...confirmed, ...asked })}>
              {asked.force
                ? 'Je confirme la radiation des absents et j’importe'
                : 'Je confirme malgré les mises à jour manquantes et j’importe'}
            </button>
          </div>
        ) : null}
        {result ? (
          <div className={`banner ${result.rejectedCount > 0 || result.dryRun ? 'banner-warn' : 'banner-ok'}`} role="status">
            {result.dryRun ? 'Essai à blanc, rien n’a été modifié. L’import ferait' : 'Import terminé'}
            {result.resumed ? ' (repris là où il s’était arrêté)' : ''}
            {result.sequence !== null ? ` (mise à jour n° ${result.sequence} du ${formatDate(result.extractDate!)})` : ''} :{' '}
            {formatNumber(result.inserted)} nouvelle(s) personne(s), {formatNumber(result.updated)} modifiée(s),{' '}
            {formatNumber(result.unchanged)} inchangée(s), {formatNumber(result.struckOff)} radiée(s), {formatNumber(result.rejectedCount)}{' '}
            ligne(s) rejetée(s).
            {result.warnings.map((w) => (
              <div key={w} className="small">
                {w}
              </div>
            ))}
          </div>
        ) : null}
        {result && result.rejectedCount > 0 ? <RejectionReport importId={result.importId} /> : null}
      </section>

      <AnamPullCard onPulled={refresh} />

      <section className="card">
        <h2>Historique des imports</h2>
        <DataTable
          label="Historique des imports"
          rows={overview?.imports ?? []}
          columns={HISTORY_COLUMNS}
          rowKey={(i) => String(i.id)}
          csvName="imports-registre.csv"
          pageSize={10}
          onRowActivate={setSelected}
          empty="Aucun import pour l’instant."
        />
        {selected ? (
          <div className="stack">
            <h3>
              Import n° {selected.id} — {selected.fileName}
            </h3>
            <p className="small muted mono">SHA-256 : {selected.sha256}</p>
            {selected.message ? (
              <p className={`banner ${selected.status === 'done' ? 'banner-ok' : 'banner-warn'}`}>{selected.message}</p>
            ) : null}
            <RejectionReport importId={selected.id} />
          </div>
        ) : (
          <p className="muted small">Choisissez un import (clic ou Entrée) pour voir ses lignes rejetées.</p>
        )}
      </section>
    </div>
  );
}
