import { IMPORT_STATUS_LABELS, type ImportMode, type ImportSummary, type SignatureStatus } from '../../../../shared/domain/registry-import';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { RejectionReport } from './RejectionReport';

const MODE_SHORT: Record<ImportMode, string> = { full: 'Complet', delta: 'Mise à jour' };

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
    kind: 'datetime',
  },
  {
    key: 'fileName',
    header: 'Fichier',
    value: (i) => i.fileName,
    clip: true,
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

/** The registry imports, newest first; the one chosen shows its checksum, its message and its rejected lines. */
export function RegistryImportHistory({
  imports,
  selected,
  onSelect,
}: {
  imports: ImportSummary[];
  selected: ImportSummary | null;
  onSelect(summary: ImportSummary): void;
}) {
  return (
    <section className="card">
      <h2>Historique des imports</h2>
      <DataTable
        label="Historique des imports"
        rows={imports}
        columns={HISTORY_COLUMNS}
        rowKey={(i) => String(i.id)}
        csvName="imports-registre.csv"
        pageSize={10}
        onRowActivate={onSelect}
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
  );
}
