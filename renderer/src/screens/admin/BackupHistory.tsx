import type { BackupRunView } from '../../../../shared/domain/backup';
import { SCHEDULER_LOGIN } from '../../../../shared/api/backup';
import { DataTable, type DataColumn } from '../../components/DataTable';

const OUTCOMES: Record<BackupRunView['outcome'], string> = { ok: 'Réussie', failed: 'Échec', cancelled: 'Annulée' };

const fileName = (path: string | null) => path?.split(/[\\/]/).at(-1) ?? '';

const COLUMNS: DataColumn<BackupRunView>[] = [
  {
    key: 'at',
    header: 'Date',
    value: (r) => r.finishedAt,
    kind: 'datetime',
    width: '9.5rem',
  },
  { key: 'by', header: 'Par', value: (r) => (r.by === SCHEDULER_LOGIN ? 'Automatique' : r.by), width: '9rem' },
  {
    key: 'outcome',
    header: 'Résultat',
    value: (r) => OUTCOMES[r.outcome],
    render: (r) => <span className={r.outcome === 'ok' ? 'state-ok' : 'state-bad'}>{OUTCOMES[r.outcome]}</span>,
    width: '7rem',
  },
  { key: 'detail', header: 'Détail', value: (r) => r.message ?? fileName(r.file) },
];

/** The latest backup attempts: manual, automatic and from the command line. */
export function BackupHistory({ runs }: { runs: readonly BackupRunView[] }) {
  return (
    <DataTable
      label="Historique des sauvegardes"
      rows={runs}
      columns={COLUMNS}
      rowKey={(r) => String(r.id)}
      pageSize={5}
      empty="Aucune sauvegarde faite pour l’instant."
    />
  );
}
