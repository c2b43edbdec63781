import { useEffect, useRef } from 'react';
import type { Role } from '../../../../shared/domain/roles';
import { ErrorBanner } from '../../components/ErrorBanner';
import { focusWhenDrawn } from '../../lib/focus';
import { formatDate } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import { SlipButton } from '../reception/SlipButton';
import { AddLineForm } from './AddLineForm';
import { ClosePanel } from './ClosePanel';
import { EpisodeHeader } from './EpisodeHeader';
import { EpisodeHistory } from './EpisodeHistory';
import { LinesTable } from './LinesTable';
import { MedicinesTable } from './MedicinesTable';
import { ReopenPanel } from './ReopenPanel';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);

/**
 * One episode: the patient, the acts with their running total, corrections, diagnosis and closing.
 * Self-contained (it loads the episode by id) so the reception screen can show it after admitting.
 * Its forms use `noValidate`: the browser's own messages follow the system's language, so every
 * error comes from the contract, in French, next to its field.
 */
export function EpisodeScreen({ episodeId, roles, onBack }: { episodeId: number; roles: readonly Role[]; onBack?: () => void }) {
  // Another episode asked for keeps this one shown until it answers; a change (a line, the closing) replaces it.
  const get = useQuery('episodes.get', { id: episodeId }, { keepPrevious: true });
  const { data: episode, setData: setEpisode } = get;
  const canWrite = roles.includes('accueil') || roles.includes('gestionnaire');
  const root = useRef<HTMLDivElement>(null);

  // The episode just opened takes the focus on its patient's name (the row or button that opened it is gone).
  const shownId = episode?.id;
  useEffect(() => {
    if (shownId !== undefined) focusWhenDrawn(() => root.current?.querySelector<HTMLElement>('.patient-name'));
  }, [shownId]);

  // Escape (outside a field) goes back to the list.
  useEffect(() => {
    if (!onBack) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !isTyping(event.target)) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  const action =
    episode?.status === 'ouvert' && canWrite ? (
      <ClosePanel key={`close-${episode.events.length}`} episode={episode} onChanged={setEpisode} />
    ) : episode?.status === 'clos' && roles.includes('gestionnaire') ? (
      <ReopenPanel episode={episode} onChanged={setEpisode} />
    ) : null;

  return (
    <div className="stack episode-screen" ref={root}>
      {onBack || canWrite ? (
        <div className="actions">
          {onBack ? (
            <button type="button" onClick={onBack}>
              ← Retour à la liste
            </button>
          ) : null}
          {/* Those who admit (and the manager) print the slip again: lost, or torn at the laboratory. */}
          {canWrite ? <SlipButton episodeId={episodeId} /> : null}
        </div>
      ) : null}
      <ErrorBanner error={get.error} />
      {episode ? (
        <>
          <EpisodeHeader episode={episode} />
          {episode.status === 'clos' ? (
            <p className="banner banner-ok" role="status">
              Épisode clos (fin des soins le {formatDate(episode.endedOn)}) : il est figé pour la réclamation mensuelle.
            </p>
          ) : canWrite ? (
            <AddLineForm key={episode.id} episode={episode} onChanged={setEpisode} />
          ) : null}
          <LinesTable episode={episode} canCancel={canWrite && episode.status === 'ouvert'} onChanged={setEpisode} />
          {episode.medicines.length > 0 ? <MedicinesTable lines={episode.medicines} /> : null}
          {action ? (
            <div className="grid-2 align-start">
              {action}
              <EpisodeHistory episode={episode} />
            </div>
          ) : (
            <EpisodeHistory episode={episode} />
          )}
        </>
      ) : get.loading ? (
        <p className="muted">Chargement de l’épisode…</p>
      ) : null}
    </div>
  );
}
