import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StockItem } from '../../../../shared/domain/pharmacy';
import { ErrorBanner } from '../../components/ErrorBanner';
import { focusWhenDrawn } from '../../lib/focus';
import { formatNumber } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { DispensedLines } from './DispensedLines';
import { DispenseForm } from './DispenseForm';
import { DispensingEpisodeCard } from './DispensingEpisodeCard';
import { EpisodeLookup } from './EpisodeLookup';

const NO_ITEMS: StockItem[] = [];

/** Find the episode (récépissé or episode number, typed or scanned), then give medicines by DCI. */
export function DispensingTab() {
  const [reference, setReference] = useState('');
  const [episodeId, setEpisodeId] = useState<number | null>(null);
  const find = useCommand('pharmacy.findEpisodes');
  const episode = useQuery('pharmacy.episode', { episodeId: episodeId ?? 0 }, { enabled: episodeId !== null });
  const stock = useQuery('pharmacy.stockItems', {});
  const current = episode.data;
  const root = useRef<HTMLDivElement>(null);
  // The episode just found or picked: once shown, its medicine picker (or, closed, its heading) takes the focus.
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    if (!current || current.episode.id !== focusNext.current) return;
    focusNext.current = null;
    const target = current.episode.dispensable ? 'form[aria-label="Dispenser un médicament"] input' : '.episode-title';
    focusWhenDrawn(() => root.current?.querySelector<HTMLElement>(target));
  }, [current]);

  function open(id: number) {
    focusNext.current = id;
    if (id === episodeId) episode.reload();
    else setEpisodeId(id);
  }

  // A dispensing or a cancellation changes the episode's lines and the stock.
  function refresh() {
    episode.reload();
    stock.reload();
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    const list = await find.run({ reference });
    if (!list) return;
    const dispensable = list.filter((e) => e.dispensable);
    if (dispensable.length === 1) open(dispensable[0]!.id);
    else setEpisodeId(null);
  }

  return (
    <div className="pharmacy" ref={root}>
      <EpisodeLookup
        reference={reference}
        searching={find.running}
        error={find.error}
        found={find.result}
        choosing={!current}
        onReference={setReference}
        onSearch={(e) => void search(e)}
        onChoose={open}
      />
      <ErrorBanner error={episode.error} />
      {current ? (
        <>
          <DispensingEpisodeCard episode={current.episode} />
          {current.episode.dispensable ? <DispenseForm episode={current} items={stock.data ?? NO_ITEMS} onDone={refresh} /> : null}
          <DispensedLines lines={current.lines} canCancel={current.episode.dispensable} onChanged={refresh} />
          {current.unmet.length > 0 ? (
            <p className="muted">
              Demandes non satisfaites :{' '}
              {current.unmet.map((u) => `${u.dci} ${formatNumber(u.unmet)} sur ${formatNumber(u.requested)}`).join(' ; ')}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
