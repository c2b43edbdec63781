import { useState } from 'react';
import type { SectionProps } from '../../sections';
import { EpisodeList } from '../episodes/EpisodeList';
import { EpisodeScreen } from '../episodes/EpisodeScreen';
import { CheckScreen } from '../reception/CheckScreen';

type View = 'check' | 'episodes';

/**
 * The reception section: the desk's check first, then the episodes list, and one episode at a
 * time. The views stay mounted (hidden) while an episode is open, so their state survives.
 */
export function AccueilScreen({ session }: SectionProps) {
  const [view, setView] = useState<View>(session.roles.includes('accueil') ? 'check' : 'episodes');
  const [openId, setOpenId] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  return (
    <>
      <div hidden={openId !== null}>
        {session.roles.includes('accueil') ? (
          <div role="tablist" aria-label="Accueil" className="tablist">
            <button
              role="tab"
              aria-selected={view === 'check'}
              className={view === 'check' ? 'tab active' : 'tab'}
              onClick={() => setView('check')}
            >
              Vérification et admission
            </button>
            <button
              role="tab"
              aria-selected={view === 'episodes'}
              className={view === 'episodes' ? 'tab active' : 'tab'}
              onClick={() => setView('episodes')}
            >
              Épisodes
            </button>
          </div>
        ) : null}
        <div hidden={view !== 'check'}>{session.roles.includes('accueil') ? <CheckScreen onOpenEpisode={setOpenId} /> : null}</div>
        <div hidden={view !== 'episodes'}>
          <EpisodeList onOpen={setOpenId} reloadKey={reloads} />
        </div>
      </div>
      {openId !== null ? (
        <EpisodeScreen
          episodeId={openId}
          roles={session.roles}
          onBack={() => {
            setOpenId(null);
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}
