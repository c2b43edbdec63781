import { CLAIM_CHECK_LABELS, type ClaimDocument, type FlagView } from '../../../../shared/domain/claims';
import type { DataColumn } from '../../components/DataTable';
import { EpisodeCell } from './EpisodeCell';
import type { ClaimChange } from './targets';

export interface FlagRow extends FlagView {
  id: string;
  number: string;
  patient: string;
  line: string | null;
}

/** Each flag with the episode's number and patient and the line's code and label, read from the claim. */
export function flagRows(flags: readonly FlagView[], document: ClaimDocument): FlagRow[] {
  const episodes = new Map(document.episodes.map((e) => [e.episodeId, e]));
  return flags.map((f, i) => {
    const episode = episodes.get(f.episodeId);
    const line = f.lineKey ? episode?.lines.find((l) => l.key === f.lineKey) : undefined;
    return {
      ...f,
      id: `${i}`,
      number: episode?.number ?? String(f.episodeId),
      patient: episode?.patientName ?? '',
      line: line ? `${line.code} ${line.label}` : null,
    };
  });
}

function severityBadge(f: FlagView) {
  if (f.resolved) return <span className="badge badge-resolved">Exclu</span>;
  return f.severity === 'bloquant' ? (
    <span className="badge badge-blocking">Bloquant</span>
  ) : (
    <span className="badge badge-warning">Avertissement</span>
  );
}

const COLUMNS: DataColumn<FlagRow>[] = [
  {
    key: 'severity',
    header: 'Gravité',
    value: (r) => (r.resolved ? 'Exclu' : r.severity === 'bloquant' ? 'Bloquant' : 'Avertissement'),
    render: severityBadge,
    width: '8.5rem',
  },
  {
    key: 'code',
    header: 'Contrôle',
    value: (r) => `${r.code} ${CLAIM_CHECK_LABELS[r.code]}`,
    render: (r) => (
      <>
        <span className="mono small">{r.code}</span>
        <br />
        {CLAIM_CHECK_LABELS[r.code]}
      </>
    ),
    width: '13rem',
  },
  {
    key: 'episode',
    header: 'Épisode',
    value: (r) => `${r.number} ${r.patient}`,
    render: (r) => <EpisodeCell number={r.number} patient={r.patient} />,
    width: '12rem',
  },
  { key: 'line', header: 'Ligne', value: (r) => r.line ?? 'Tout l’épisode', width: '12rem' },
  { key: 'message', header: 'Message', value: (r) => r.message },
];

/** The way out of an unresolved flag: excluding its line, or its whole episode when it is about the episode. */
function excludeColumn(onChange: (change: ClaimChange) => void): DataColumn<FlagRow> {
  return {
    key: 'action',
    header: 'Action',
    actions: true,
    value: () => null,
    width: '8rem',
    render: (r) =>
      r.resolved ? null : (
        <button
          type="button"
          className="small-button"
          aria-label={`Exclure ${r.line ? `la ligne ${r.line}` : 'l’épisode'} (${r.number})`}
          onClick={() =>
            onChange({
              kind: 'exclude',
              episodeId: r.episodeId,
              ...(r.lineKey ? { lineKey: r.lineKey } : {}),
              title: r.line
                ? `Exclure la ligne « ${r.line} » de l’épisode ${r.number} (${r.patient}) : elle ne sera pas facturée.`
                : `Exclure tout l’épisode ${r.number} (${r.patient}) de la réclamation.`,
            })
          }
        >
          Exclure…
        </button>
      ),
  };
}

/** The flags' columns, with the exclusion button when the claim can still be changed. */
export const flagColumns = (editable: boolean, onChange: (change: ClaimChange) => void): DataColumn<FlagRow>[] =>
  editable ? [...COLUMNS, excludeColumn(onChange)] : COLUMNS;
