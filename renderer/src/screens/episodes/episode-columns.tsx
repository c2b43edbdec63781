import { EPISODE_STATUS_LABELS, EPISODE_TYPE_LABELS, type EpisodeListRow } from '../../../../shared/domain/episodes';
import { formatRecepisse } from '../../../../shared/domain/registry';
import type { DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';
import { StatusBadge } from './StatusBadge';

/** The columns of the list of episodes. */
export const EPISODE_COLUMNS: DataColumn<EpisodeListRow>[] = [
  {
    key: 'number',
    header: 'N° d’épisode',
    value: (r) => r.number,
    render: (r) => <span className="mono nowrap">{r.number}</span>,
    width: '9.5rem',
  },
  {
    key: 'openedAt',
    header: 'Ouvert le',
    value: (r) => formatDateTime(r.openedAt),
    render: (r) => <span className="nowrap">{formatDateTime(r.openedAt)}</span>,
    width: '9.5rem',
  },
  { key: 'patient', header: 'Patient', value: (r) => r.patientName },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (r) => formatRecepisse(r.recepisse),
    render: (r) => <span className="mono nowrap">{formatRecepisse(r.recepisse)}</span>,
    width: '9.5rem',
  },
  {
    key: 'type',
    header: 'Type',
    value: (r) => EPISODE_TYPE_LABELS[r.type] + (r.emergency && r.type !== 'urgence' ? ' (urgence)' : ''),
    width: '12rem',
  },
  {
    key: 'status',
    header: 'Statut',
    value: (r) => EPISODE_STATUS_LABELS[r.status],
    render: (r) => <StatusBadge status={r.status} />,
    width: '6rem',
  },
  { key: 'activeLines', header: 'Actes', value: (r) => r.activeLines, kind: 'number', width: '4.5rem' },
  { key: 'activeMedicines', header: 'Médic.', value: (r) => r.activeMedicines, kind: 'number', width: '4.5rem' },
  { key: 'ramedTotal', header: 'Total RAMED', value: (r) => r.ramedTotal, kind: 'money', width: '8.5rem' },
];
