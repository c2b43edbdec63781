import { useState } from 'react';
import { LINE_RESPONSE_LABELS, type LineResponseState, type LineResponseView } from '../../../../shared/domain/claim-responses';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { formatDate } from '../../lib/format';

const BADGE: Record<LineResponseState, string> = {
  acceptee: 'badge badge-claim-acceptee',
  ajustee: 'badge badge-claim-partiellement_rejetee',
  rejetee: 'badge badge-claim-rejetee',
  sans_reponse: 'badge badge-claim-envoyee',
};

const FILTERS: ReadonlyArray<{ value: LineResponseState | ''; label: string }> = [
  { value: '', label: 'Toutes les lignes' },
  { value: 'rejetee', label: 'Rejetées' },
  { value: 'ajustee', label: 'Acceptées, montant ajusté' },
  { value: 'acceptee', label: 'Acceptées' },
  { value: 'sans_reponse', label: 'Sans réponse' },
];

const COLUMNS: DataColumn<LineResponseView>[] = [
  {
    key: 'episode',
    header: 'Épisode',
    value: (l) => `${l.episodeNumber} ${l.patientName}`,
    render: (l) => (
      <>
        <span className="mono nowrap">{l.episodeNumber}</span>
        <small className="line-note">{l.patientName}</small>
      </>
    ),
    width: '12rem',
  },
  {
    key: 'line',
    header: 'Ligne',
    value: (l) => `${l.code} ${l.label}`,
    render: (l) => (
      <>
        <span className="mono">{l.code}</span> {l.label}
        <small className="line-note">le {formatDate(l.performedOn)}</small>
      </>
    ),
  },
  { key: 'claimed', header: 'Réclamé', value: (l) => l.claimed, kind: 'money', total: true, width: '8rem' },
  { key: 'accepted', header: 'Accepté', value: (l) => l.accepted, kind: 'money', total: true, width: '8rem' },
  { key: 'rejected', header: 'Rejeté', value: (l) => l.rejected, kind: 'money', total: true, width: '8rem' },
  {
    key: 'state',
    header: 'Réponse',
    value: (l) => LINE_RESPONSE_LABELS[l.state],
    render: (l) => <span className={BADGE[l.state]}>{LINE_RESPONSE_LABELS[l.state]}</span>,
    width: '11rem',
  },
  {
    key: 'reason',
    header: 'Motif de l’ANAM',
    value: (l) => [l.reasonCode, l.reasonText].filter(Boolean).join(' – ') || null,
    render: (l) =>
      l.reasonCode || l.reasonText ? (
        <>
          {l.reasonCode ? <span className="mono">{l.reasonCode}</span> : null}
          {l.reasonText ? <small className="line-note">{l.reasonText}</small> : null}
          {l.resubmittedIn ? <small className="line-note">Resoumise en version {l.resubmittedIn}</small> : null}
        </>
      ) : (
        '—'
      ),
    width: '15rem',
  },
];

/** The ANAM's answer, line by line, with a filter on the answer (the rejected lines first to look at). */
export function LineResponsesTable({ lines }: { lines: readonly LineResponseView[] }) {
  const [state, setState] = useState<LineResponseState | ''>(lines.some((l) => l.state === 'rejetee') ? 'rejetee' : '');
  const shown = state ? lines.filter((l) => l.state === state) : lines;
  return (
    <>
      <div className="line-filter">
        <SelectField
          label="Lignes affichées"
          value={state}
          onChange={(e) => setState(e.target.value as LineResponseState | '')}
          options={FILTERS.map((f) => ({
            value: f.value,
            label: `${f.label} (${f.value ? lines.filter((l) => l.state === f.value).length : lines.length})`,
          }))}
        />
      </div>
      <DataTable
        key={state}
        label="Réponse par ligne"
        rows={shown}
        columns={COLUMNS}
        rowKey={(l) => `${l.episodeNumber}|${l.lineKey}`}
        csvName="reponse-anam-par-ligne.csv"
        pageSize={15}
        empty="Aucune ligne avec cette réponse."
      />
    </>
  );
}
