import type { SameDayEpisode } from '../../../../shared/domain/reception';
import { formatDateTime } from '../../lib/format';

/** Already admitted today: said first, the earlier episode one key away (its button takes the focus). */
export function SameDayWarning({ earlier, onOpenEpisode }: { earlier: readonly SameDayEpisode[]; onOpenEpisode: (id: number) => void }) {
  return (
    <div role="alert" className="warning-box">
      <p>
        <strong>Déjà admis aujourd’hui.</strong> Ouvrez l’épisode existant pour y ajouter les soins ; n’admettez à nouveau que pour une
        autre venue.
      </p>
      <ul className="plain-list">
        {earlier.map((e, i) => (
          <li key={e.id}>
            <button type="button" className="link-button" autoFocus={i === 0} onClick={() => onOpenEpisode(e.id)}>
              Ouvrir l’épisode {e.number}
            </button>{' '}
            (ouvert le {formatDateTime(e.openedAt)} par {e.openedBy}
            {e.status === 'clos' ? ', déjà clos' : ''})
          </li>
        ))}
      </ul>
    </div>
  );
}
