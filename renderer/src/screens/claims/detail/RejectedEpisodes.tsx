import { RESUBMISSION_STATE_LABELS, type ResubmissionPreview, type ResubmissionState } from '../../../../../shared/domain/claim-responses';
import { formatFcfa, formatNumber } from '../../../lib/format';

const BADGE: Record<ResubmissionState, string> = {
  corrige: 'badge badge-claim-acceptee',
  a_corriger: 'badge badge-claim-partiellement_rejetee',
  ouvert: 'badge badge-claim-envoyee',
  exclu: 'badge badge-claim-brouillon',
  bloque: 'badge badge-claim-rejetee',
};

/** Each episode the ANAM rejected lines of: the lines and their reasons, how many were corrected, where it stands. */
export function RejectedEpisodes({ episodes }: { episodes: ResubmissionPreview['episodes'] }) {
  return (
    <table className="simple" aria-label="Épisodes rejetés">
      <thead>
        <tr>
          <th style={{ width: '12rem' }}>Épisode</th>
          <th>Lignes rejetées par l’ANAM</th>
          <th style={{ width: '7rem' }} className="num">
            Corrigées
          </th>
          <th style={{ width: '12rem' }}>État</th>
        </tr>
      </thead>
      <tbody>
        {episodes.map((e) => (
          <tr key={e.episodeId}>
            <td>
              <span className="mono">{e.number}</span>
              <small className="line-note">{e.patientName}</small>
            </td>
            <td>
              {e.rejected.map((r, i) => (
                <div key={i}>
                  <span className="mono">{r.code}</span> {r.label} ({formatFcfa(r.claimed)}) : {r.reasonCode}
                  {r.reasonText ? ` – ${r.reasonText}` : ''}
                </div>
              ))}
            </td>
            <td className="num">{formatNumber(e.corrected)}</td>
            <td>
              <span className={BADGE[e.state]}>{RESUBMISSION_STATE_LABELS[e.state]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
