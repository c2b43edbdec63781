import { REFERENCE_SIGNATURE_LABELS, type ReferenceImportEntry } from '../../../../shared/domain/reference';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../lib/useQuery';

const KIND_LABELS: Record<ReferenceImportEntry['kind'], string> = {
  tarifs: 'Tarifs',
  medicaments: 'Médicaments',
  controles: 'Règles de contrôle',
  programmes: 'Programmes de gratuité',
};

const COLUMNS: DataColumn<ReferenceImportEntry>[] = [
  {
    key: 'importedAt',
    header: 'Date',
    value: (i) => i.importedAt,
    kind: 'datetime',
    width: '10rem',
  },
  { key: 'kind', header: 'Liste', value: (i) => KIND_LABELS[i.kind], width: '9rem' },
  {
    key: 'fileName',
    header: 'Fichier',
    value: (i) => i.fileName,
    clip: true,
  },
  {
    key: 'signature',
    header: 'Signature',
    value: (i) => (i.signature ? REFERENCE_SIGNATURE_LABELS[i.signature] : 'non vérifiée (import ancien)'),
    render: (i) => (
      <span className={i.warning ? 'warning-text' : undefined} title={i.warning ?? undefined}>
        {i.signature ? REFERENCE_SIGNATURE_LABELS[i.signature] : 'non vérifiée (import ancien)'}
        {i.warning ? ' ⚠ importé avec avertissement' : ''}
      </span>
    ),
  },
  { key: 'inserted', header: 'Nouvelles', value: (i) => i.inserted, kind: 'number', width: '6rem' },
  { key: 'closed', header: 'Closes', value: (i) => i.closed, kind: 'number', width: '5rem' },
  { key: 'by', header: 'Par', value: (i) => i.byLogin, width: '7rem' },
];

const NONE: ReferenceImportEntry[] = [];

/** The latest imports of the ANAM's lists, with what their signature check found. */
export function ReferenceImportHistory({ refresh }: { refresh: number }) {
  const list = useQuery('reference.imports', {}, { reloadKey: refresh });
  return (
    <section className="card" aria-label="Historique des imports de listes">
      <h2>Historique des imports de listes</h2>
      <ErrorBanner error={list.error} />
      <DataTable
        label="Imports des listes de l’ANAM"
        rows={list.data ?? NONE}
        columns={COLUMNS}
        rowKey={(i) => `${i.kind}-${i.id}`}
        pageSize={10}
        empty="Aucune liste importée."
      />
    </section>
  );
}
