import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { EpisodePharmacy, StockItem } from '../../../../shared/domain/pharmacy';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { focusWhenDrawn } from '../../lib/focus';
import { formatDate, formatNumber } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { DispensedLines } from './DispensedLines';
import { DispenseForm } from './DispenseForm';
import { formatRecepisse } from '../../../../shared/domain/registry';

/** Find the episode (récépissé or episode number, typed or scanned), then give medicines by DCI. */
export function DispensingTab() {
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<EpisodePharmacy['episode'][] | null>(null);
  const [current, setCurrent] = useState<EpisodePharmacy | null>(null);
  const [items, setItems] = useState<StockItem[]>([]);
  const find = useCall(ramed.pharmacy.findEpisodes);
  const load = useCall(ramed.pharmacy.episode);
  const stock = useCall(ramed.pharmacy.stockItems);
  const loadStock = stock.run;

  const reloadStock = useCallback(() => void loadStock({}).then((list) => list && setItems(list)), [loadStock]);
  useEffect(() => {
    reloadStock();
  }, [reloadStock]);

  const root = useRef<HTMLDivElement>(null);

  /** `focusNext`: the episode was just found or picked, so the medicine picker (or, closed, its heading) takes the focus. */
  async function open(episodeId: number, focusNext = false) {
    const view = await load.run({ episodeId });
    if (!view) return;
    setCurrent(view);
    if (focusNext)
      focusWhenDrawn(() =>
        root.current?.querySelector<HTMLElement>(
          view.episode.dispensable ? 'form[aria-label="Dispenser un médicament"] input' : '.episode-title',
        ),
      );
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    const list = await find.run({ reference });
    if (!list) return;
    setFound(list);
    const dispensable = list.filter((e) => e.dispensable);
    if (dispensable.length === 1) await open(dispensable[0]!.id, true);
    else setCurrent(null);
  }

  return (
    <div className="pharmacy" ref={root}>
      <form className="card" onSubmit={search} noValidate aria-label="Rechercher un épisode">
        <div className="lookup-line">
          <Field
            autoFocus
            label="Récépissé ou numéro d’épisode"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            error={find.error?.fields?.reference ?? (find.error ? find.error.message : undefined)}
            placeholder="Saisissez ou scannez"
          />
          <button type="submit" className="primary" disabled={find.pending}>
            Rechercher
          </button>
        </div>
        {found && found.length === 0 ? <p className="muted">Aucun épisode pour « {reference} ».</p> : null}
        {found && found.length > 0 && !current ? (
          <ul className="episode-choices">
            {found.map((e) => (
              <li key={e.id}>
                <button type="button" disabled={!e.dispensable} onClick={() => void open(e.id, true)}>
                  {e.number} — {e.patient} — ouvert le {formatDate(e.openedAt)} {e.dispensable ? '' : '(clos : plus de dispensation)'}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </form>
      <ErrorBanner error={load.error} />
      {current ? (
        <>
          <div className="card">
            <h2 className="episode-title">
              {current.episode.patient} — {current.episode.number}
            </h2>
            <p className="muted">
              Récépissé {formatRecepisse(current.episode.recepisse)} ·{' '}
              {current.episode.status === 'ouvert' ? 'épisode ouvert' : 'épisode clos aujourd’hui'} depuis le{' '}
              {formatDate(current.episode.openedAt)}
            </p>
          </div>
          {current.episode.dispensable ? (
            <DispenseForm
              episode={current}
              items={items}
              onDone={() => {
                void open(current.episode.id);
                reloadStock();
              }}
            />
          ) : null}
          <DispensedLines
            lines={current.lines}
            canCancel={current.episode.dispensable}
            onChanged={() => {
              void open(current.episode.id);
              reloadStock();
            }}
          />
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
