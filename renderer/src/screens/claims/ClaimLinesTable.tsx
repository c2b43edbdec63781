import {
  CLAIM_CATEGORY_LABELS,
  type ClaimDocument,
  type ClaimDocumentEpisode,
  type ClaimDocumentLine,
  type FlagView,
} from '../../../../shared/domain/claims';
import { EPISODE_TYPE_LABELS } from '../../../../shared/domain/episodes';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDate, formatMonth } from '../../lib/format';
import type { ClaimChange } from './targets';

interface Row {
  episode: ClaimDocumentEpisode;
  line: ClaimDocumentLine;
  flags: number;
  excluded: string | null;
}

/** What the RAMED is billed on the line: nothing when it or its episode is left out, or for the caesarean programme. */
const billed = (r: Row) => (r.excluded || r.line.payer !== 'ramed' ? 0 : r.line.amount);

/** Every line of the claim, the flagged ones first, with the way to leave a line or its episode out. */
export function ClaimLinesTable({
  document,
  flags,
  editable,
  onChange,
}: {
  document: ClaimDocument;
  flags: readonly FlagView[];
  editable: boolean;
  onChange(change: ClaimChange): void;
}) {
  const open = flags.filter((f) => !f.resolved);
  const rows: Row[] = document.episodes
    .flatMap((episode) =>
      episode.lines.map((line) => ({
        episode,
        line,
        flags: open.filter((f) => f.episodeId === episode.episodeId && (f.lineKey === null || f.lineKey === line.key)).length,
        excluded: line.excluded ?? episode.excluded,
      })),
    )
    .sort((a, b) => Number(b.flags > 0) - Number(a.flags > 0));
  const columns: DataColumn<Row>[] = [
    {
      key: 'episode',
      header: 'Épisode',
      value: (r) => `${r.episode.number} ${r.episode.patientName}`,
      render: (r) => (
        <>
          <span className="mono nowrap">{r.episode.number}</span>
          <br />
          {r.episode.patientName}
          <small className="line-note">{EPISODE_TYPE_LABELS[r.episode.type]}</small>
          {r.episode.lateClosure ? <small className="line-note">Clôture tardive : {formatMonth(r.episode.lateClosure)}</small> : null}
        </>
      ),
      width: '13rem',
    },
    { key: 'date', header: 'Date', value: (r) => formatDate(r.line.performedOn), width: '6.5rem' },
    {
      key: 'line',
      header: 'Prestation',
      value: (r) => `${r.line.code} ${r.line.label}`,
      render: (r) => (
        <>
          <span className="mono">{r.line.code}</span> <span className={r.excluded ? 'struck' : undefined}>{r.line.label}</span>
          {r.excluded ? <small className="line-note">Exclu : {r.excluded}</small> : null}
          {r.line.payer !== 'ramed' ? (
            <small className="line-note">Programme {r.line.programme ?? 'CESAR'} : non facturé au RAMED</small>
          ) : null}
        </>
      ),
    },
    { key: 'category', header: 'Catégorie', value: (r) => CLAIM_CATEGORY_LABELS[r.line.category], width: '8.5rem' },
    { key: 'quantity', header: 'Qté', value: (r) => r.line.quantity, kind: 'number', width: '3.5rem' },
    { key: 'amount', header: 'Montant RAMED', value: billed, kind: 'money', total: true, width: '8.5rem' },
    {
      key: 'flags',
      header: 'Contrôles',
      value: (r) => r.flags,
      render: (r) => (r.flags > 0 ? <span className="badge badge-warning">{r.flags}</span> : '—'),
      kind: 'number',
      width: '6rem',
    },
  ];
  if (editable) {
    columns.push({
      key: 'action',
      header: 'Exclure',
      actions: true,
      value: () => null,
      width: '9.5rem',
      render: (r) =>
        r.excluded ? null : (
          <div className="row-actions">
            <button
              type="button"
              className="small-button"
              aria-label={`Exclure la ligne ${r.line.code} ${r.line.label} (${r.episode.number})`}
              onClick={() =>
                onChange({
                  kind: 'exclude',
                  episodeId: r.episode.episodeId,
                  lineKey: r.line.key,
                  title: `Exclure la ligne « ${r.line.code} ${r.line.label} » de l’épisode ${r.episode.number} (${r.episode.patientName}) : elle ne sera pas facturée.`,
                })
              }
            >
              Ligne
            </button>
            <button
              type="button"
              className="small-button"
              aria-label={`Exclure l’épisode ${r.episode.number}`}
              onClick={() =>
                onChange({
                  kind: 'exclude',
                  episodeId: r.episode.episodeId,
                  title: `Exclure tout l’épisode ${r.episode.number} (${r.episode.patientName}) de la réclamation.`,
                })
              }
            >
              Épisode
            </button>
          </div>
        ),
    });
  }
  return (
    <DataTable
      label="Lignes de la réclamation"
      rows={rows}
      columns={columns}
      rowKey={(r) => r.line.key}
      pageSize={15}
      csvName={`reclamation-${document.month}-lignes.csv`}
      empty="Aucune ligne : aucun épisode clos ce mois-ci."
    />
  );
}
