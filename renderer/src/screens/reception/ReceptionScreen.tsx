import { useState } from 'react';
import { focusWhenDrawn } from '../../lib/focus';
import type { SectionProps } from '../../section-props';
import { EpisodeList } from '../episodes/EpisodeList';
import { EpisodeScreen } from '../episodes/EpisodeScreen';
import { CheckScreen } from './CheckScreen';
import { DeskDayScreen } from './DeskDayScreen';
import { RegistrationRequestsScreen } from './RegistrationRequestsScreen';

type View = 'check' | 'day' | 'episodes' | 'requests';

const VIEW_LABELS: Record<View, string> = {
  check: 'Vérification et admission',
  day: 'Aujourd’hui',
  episodes: 'Épisodes',
  requests: 'Demandes d’immatriculation',
};

/**
 * The reception section: the desk's check first, the day's checks and admissions, then the
 * episodes list, and one episode at a time. The views stay mounted (hidden) while an episode is
 * open, so their state survives.
 */
export function ReceptionScreen({ session }: SectionProps) {
  const desk = session.roles.includes('accueil');
  const views: View[] = desk ? ['check', 'day', 'episodes', 'requests'] : ['episodes', 'day', 'requests'];
  const [view, setView] = useState<View>(views[0]!);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  // The day's list is loaded the first time its tab is shown, then kept with its filters.
  const [daySeen, setDaySeen] = useState(false);
  const show = (next: View) => {
    setView(next);
    setReloads((n) => n + 1);
    if (next === 'day') setDaySeen(true);
  };
  return (
    <>
      <div hidden={openId !== null}>
        <div role="tablist" aria-label="Accueil" className="tablist">
          {views.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} onClick={() => show(v)}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </div>
        <div hidden={view !== 'check'}>{desk ? <CheckScreen onOpenEpisode={setOpenId} /> : null}</div>
        <div hidden={view !== 'day'}>{daySeen ? <DeskDayScreen onOpenEpisode={setOpenId} reloadKey={reloads} /> : null}</div>
        <div hidden={view !== 'episodes'}>
          <EpisodeList onOpen={setOpenId} reloadKey={reloads} />
        </div>
        <div hidden={view !== 'requests'}>
          {view === 'requests' ? (
            <RegistrationRequestsScreen canExport={session.roles.includes('gestionnaire')} reloadKey={reloads} />
          ) : null}
        </div>
      </div>
      {openId !== null ? (
        <EpisodeScreen
          episodeId={openId}
          roles={session.roles}
          onBack={() => {
            setOpenId(null);
            setReloads((n) => n + 1);
            // Back where the agent was: the desk's search field, or the tab of the list left.
            focusWhenDrawn(() =>
              document.querySelector<HTMLElement>(view === 'check' ? '#reception-search' : '[aria-label="Accueil"] [aria-selected="true"]'),
            );
          }}
        />
      ) : null}
    </>
  );
}
