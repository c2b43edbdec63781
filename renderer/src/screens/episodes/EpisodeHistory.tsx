import { EPISODE_EVENT_LABELS, OUTCOME_LABELS, type EpisodeView } from '../../../../shared/domain/episodes';
import { formatDateTime } from '../../lib/format';

/** Opening, diagnoses, closings and reopenings, oldest first. */
export function EpisodeHistory({ episode }: { episode: EpisodeView }) {
  return (
    <section className="card" aria-label="Historique de l’épisode">
      <h2>Historique</h2>
      <ol className="history">
        {episode.events.map((e) => (
          <li key={e.id}>
            <span className="muted">{formatDateTime(e.at)}</span> <strong>{EPISODE_EVENT_LABELS[e.kind]}</strong> par {e.by}
            {e.reason ? <> — motif : {e.reason}</> : null}
          </li>
        ))}
      </ol>
      {episode.diagnosis ? (
        <p>
          Diagnostic : <strong>{episode.diagnosis}</strong>
          {episode.icd10 ? ` (${episode.icd10})` : ''}
          {episode.outcome ? ` · Issue : ${OUTCOME_LABELS[episode.outcome]}` : ''}
        </p>
      ) : null}
    </section>
  );
}
