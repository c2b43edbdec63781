import { SlipButton } from './SlipButton';

/** The episode just opened: its slip printed at once (the focus on the button: Enter prints again), and the way to it. */
export function AdmittedBanner({
  episodeId,
  number,
  onOpenEpisode,
}: {
  episodeId: number;
  number: string;
  onOpenEpisode: (id: number) => void;
}) {
  return (
    <div role="status" className="admitted">
      <p>
        Admis : épisode <strong className="mono">{number}</strong>.
      </p>
      <div className="actions">
        <SlipButton episodeId={episodeId} autoFocus printNow />
        <button type="button" onClick={() => onOpenEpisode(episodeId)}>
          Ouvrir l’épisode
        </button>
      </div>
    </div>
  );
}
