import type { EpisodePharmacy } from '../../../../shared/domain/pharmacy';
import { formatRecepisse } from '../../../../shared/domain/registry';
import { formatDate } from '../../lib/format';

/** The episode the medicines are given on: its patient, number, récépissé and whether it is still open. */
export function DispensingEpisodeCard({ episode }: { episode: EpisodePharmacy['episode'] }) {
  return (
    <div className="card">
      <h2 className="episode-title">
        {episode.patient} — {episode.number}
      </h2>
      <p className="muted">
        Récépissé {formatRecepisse(episode.recepisse)} · {episode.status === 'ouvert' ? 'épisode ouvert' : 'épisode clos aujourd’hui'}{' '}
        depuis le {formatDate(episode.openedAt)}
      </p>
    </div>
  );
}
