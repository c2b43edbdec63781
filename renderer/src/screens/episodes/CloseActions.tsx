import type { EpisodeView } from '../../../../shared/domain/episodes';
import { formatFcfa } from '../../lib/format';

interface CloseActionsProps {
  episode: EpisodeView;
  /** The closing was asked: it waits for a confirmation. */
  confirming: boolean;
  saving: boolean;
  closing: boolean;
  onSave(): void;
  onBack(): void;
}

/** Save the diagnosis, or close the episode; a closing is confirmed first (the form's submit button). */
export function CloseActions({ episode, confirming, saving, closing, onSave, onBack }: CloseActionsProps) {
  return confirming ? (
    <div className="banner banner-warn" role="alert">
      Clore l’épisode {episode.number} ? Il sera figé pour la réclamation avec un total RAMED de {formatFcfa(episode.totals.ramed)} ; seul
      le gestionnaire pourra le rouvrir.
      <div className="actions">
        <button type="submit" className="primary" disabled={closing} autoFocus>
          Confirmer la clôture
        </button>
        <button type="button" onClick={onBack}>
          Revenir
        </button>
      </div>
    </div>
  ) : (
    <div className="actions">
      <button type="button" onClick={onSave} disabled={saving}>
        Enregistrer le diagnostic
      </button>
      <button type="submit" className="primary">
        Clore l’épisode
      </button>
    </div>
  );
}
