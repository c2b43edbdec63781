import {
  CLAIM_CATEGORY_LABELS,
  type ClaimDocument,
  type ClaimDocumentEpisode,
  type ClaimDocumentLine,
  type FlagView,
} from '../../../../shared/domain/claims';
import { EPISODE_TYPE_LABELS } from '../../../../shared/domain/episodes';
import type { DataColumn } from '../../components/DataTable';
import { formatDate, formatMonth } from '../../lib/format';
import { EpisodeCell } from './EpisodeCell';
import type { ClaimChange } from './targets';

export interface ClaimLineRow {
  episode: ClaimDocumentEpisode;
  line: ClaimDocumentLine;
  /** Its open flags, and those of its whole episode. */
  flags: number;
  excluded: string | null;
}

/** Every line of the claim with its open flags counted, the flagged ones first. */
export function claimLineRows(document: ClaimDocument, flags: readonly FlagView[]): ClaimLineRow[] {
  const open = flags.filter((f) => !f.resolved);
  return document.episodes
    .flatMap((episode) =>
      episode.lines.map((line) => ({
        episode,
        line,
        flags: open.filter((f) => f.episodeId === episode.episodeId && (f.lineKey === null || f.lineKey === line.key)).length,
        excluded: line.excluded ?? episode.excluded,
      })),
    )
    .sort((a, b) => Number(b.flags > 0) - Number(a.flags > 0));
}

/** What the RAMED is billed on the line: nothing when it or its episode is left out, or for the caesarean programme. */
const billed = (r: ClaimLineRow) => (r.excluded || r.line.payer !== 'ramed' ? 0 : r.line.amount);

const COLUMNS: DataColumn<ClaimLineRow>[] = [
  {
    key: 'episode',
    header: 'Épisode',
    value: (r) => `${r.episode.number} ${r.episode.patientName}`,
    render: (r) => (
      <EpisodeCell number={r.episode.number} patient={r.episode.patientName}>
        <small className="line-note">{EPISODE_TYPE_LABELS[r.episode.type]}</small>
        {r.episode.lateClosure ? <small className="line-note">Clôture tardive : {formatMonth(r.episode.lateClosure)}</small> : null}
      </EpisodeCell>
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

/** The buttons that leave a line, or its whole episode, out of the claim. */
function excludeColumn(onChange: (change: ClaimChange) => void): DataColumn<ClaimLineRow> {
  return {
    key: 'action',
    header: 'Exclure',
    actions: true,
    value: () => null,
    width: '9.5rem',
    render: ({ episode, line, excluded }) =>
      excluded ? null : (
        <div className="row-actions">
          <button
            type="button"
            className="small-button"
            aria-label={`Exclure la ligne ${line.code} ${line.label} (${episode.number})`}
            onClick={() =>
              onChange({
                kind: 'exclude',
                episodeId: episode.episodeId,
                lineKey: line.key,
                title: `Exclure la ligne « ${line.code} ${line.label} » de l’épisode ${episode.number} (${episode.patientName}) : elle ne sera pas facturée.`,
              })
            }
          >
            Ligne
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`Exclure l’épisode ${episode.number}`}
            onClick={() =>
              onChange({
                kind: 'exclude',
                episodeId: episode.episodeId,
                title: `Exclure tout l’épisode ${episode.number} (${episode.patientName}) de la réclamation.`,
              })
            }
          >
            Épisode
          </button>
        </div>
      ),
  };
}

/** The lines' columns, with the exclusion buttons when the claim can still be changed. */
export const claimLineColumns = (editable: boolean, onChange: (change: ClaimChange) => void): DataColumn<ClaimLineRow>[] =>
  editable ? [...COLUMNS, excludeColumn(onChange)] : COLUMNS;
