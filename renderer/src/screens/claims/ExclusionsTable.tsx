import type { ClaimDocument, ClaimExclusion } from '../../../../shared/domain/claims';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';
import type { ClaimChange } from './targets';

interface Row extends ClaimExclusion {
  number: string;
  patient: string;
  what: string;
}

/** The exclusions in force; cancelling one adds a row, the exclusion stays recorded. */
export function ExclusionsTable({
  exclusions,
  document,
  editable,
  onChange,
}: {
  exclusions: readonly ClaimExclusion[];
  document: ClaimDocument;
  editable: boolean;
  onChange(change: ClaimChange): void;
}) {
  const episodes = new Map(document.episodes.map((e) => [e.episodeId, e]));
  const rows: Row[] = exclusions.map((x) => {
    const episode = episodes.get(x.episodeId);
    const line = x.lineKey ? episode?.lines.find((l) => l.key === x.lineKey) : undefined;
    return {
      ...x,
      number: episode?.number ?? String(x.episodeId),
      patient: episode?.patientName ?? '',
      what: x.lineKey ? (line ? `${line.code} ${line.label}` : x.lineKey) : 'Tout l’épisode',
    };
  });
  const columns: DataColumn<Row>[] = [
    { key: 'episode', header: 'Épisode', value: (r) => `${r.number} — ${r.patient}`, width: '16rem' },
    { key: 'what', header: 'Exclu', value: (r) => r.what, width: '14rem' },
    { key: 'reason', header: 'Motif', value: (r) => r.reason },
    {
      key: 'by',
      header: 'Par',
      value: (r) => `${r.automatic ? 'Automatique (à la construction)' : r.by}, ${formatDateTime(r.at)}`,
      width: '14rem',
    },
  ];
  if (editable) {
    columns.push({
      key: 'action',
      header: 'Action',
      actions: true,
      value: () => null,
      width: '10rem',
      render: (r) => (
        <button
          type="button"
          className="small-button"
          aria-label={`Annuler l’exclusion : ${r.what} (${r.number})`}
          onClick={() =>
            onChange({
              kind: 'cancel',
              exclusionId: r.id,
              title: `Remettre dans la réclamation : ${r.what}, épisode ${r.number} (${r.patient}), exclu pour « ${r.reason} ».`,
            })
          }
        >
          Annuler l’exclusion…
        </button>
      ),
    });
  }
  return (
    <DataTable
      label="Exclusions en vigueur"
      rows={rows}
      columns={columns}
      rowKey={(r) => String(r.id)}
      pageSize={10}
      empty="Aucune exclusion."
    />
  );
}
