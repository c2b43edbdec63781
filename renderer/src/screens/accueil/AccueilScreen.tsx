import { useState } from 'react';
import type { SectionProps } from '../../sections';
import { EpisodeList } from '../episodes/EpisodeList';
import { EpisodeScreen } from '../episodes/EpisodeScreen';

/**
 * The reception section: the episodes list and one episode at a time. The list stays mounted
 * (hidden) while an episode is open, so its filters and page survive the round trip.
 */
export function AccueilScreen({ session }: SectionProps) {
  const [openId, setOpenId] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  return (
    <>
      <div hidden={openId !== null}>
        <EpisodeList onOpen={setOpenId} reloadKey={reloads} />
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
