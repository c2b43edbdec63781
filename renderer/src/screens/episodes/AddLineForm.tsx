import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import type { EpisodeView } from '../../../../shared/domain/episodes';
import type { TariffEntry } from '../../../../shared/domain/reference';
import type { Programme } from '../../../../shared/rules/programmes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { offListInput, RowFieldError } from '../../components/LineEntryFields';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { ActLineFields, QUANTITY_ERROR, type ActDraft } from './ActLineFields';
import { ActPricePreview } from './ActPricePreview';

const NO_ACTS: TariffEntry[] = [];
const NO_PROGRAMMES: Programme[] = [];
const NO_ACT_CHOSEN: ApiError = {
  code: 'INVALID_INPUT',
  message: 'Choisissez un acte dans la liste.',
  fields: { code: 'Choisissez un acte dans la liste' },
};

/** Today, no act yet, and the prescriber of the episode's last line (the same doctor, most often). */
const firstDraft = (episode: EpisodeView): ActDraft => ({
  performedOn: today(),
  code: null,
  quantity: '1',
  prescriber: episode.lines.at(-1)?.prescriber ?? '',
  offListReason: '',
});

/**
 * Logs an act: the picker offers the acts in force on the chosen date at the facility's level,
 * and the price shown is the one the server will apply (the same pure pricing rules).
 */
export function AddLineForm({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [draft, setDraft] = useState(() => firstDraft(episode));
  const [local, setLocal] = useState<ApiError | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { performedOn } = draft;
  // A date being typed (empty) asks nothing: the acts of the last date stay offered.
  const dated = { enabled: performedOn !== '', keepPrevious: true };
  const tariffs = useQuery('tariffs.list', { date: performedOn, level: episode.level }, dated);
  const acts = tariffs.data ?? NO_ACTS;
  const programmes = useQuery('programmes.list', { date: performedOn }, dated).data ?? NO_PROGRAMMES;
  const add = useCommand('episodes.addLine');
  const error = local ?? add.error;
  const fields = error?.fields ?? {};
  // The version in force on the chosen date (another date may mean another price).
  const act = acts.find((a) => a.code === draft.code) ?? null;
  const units = Number(draft.quantity);
  const change = (patch: Partial<ActDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    if (!act) {
      setLocal(NO_ACT_CHOSEN);
      picker.current?.focus();
      return;
    }
    setLocal(null);
    const { prescriber, offListReason } = draft;
    const view = await add.run({
      episodeId: episode.id,
      code: act.code,
      quantity: units,
      performedOn,
      prescriber,
      ...offListInput(offListReason),
    });
    if (!view) return;
    onChanged(view);
    change({ code: null, quantity: '1', offListReason: '' });
    picker.current?.focus();
  }

  function pick(chosen: TariffEntry | null) {
    change({ code: chosen?.code ?? null, offListReason: '' });
    setLocal(null);
    add.reset();
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Ajouter un acte">
      <h2>Ajouter un acte</h2>
      <ActLineFields
        draft={draft}
        acts={acts}
        act={act}
        fields={fields}
        adding={add.running}
        pickerRef={picker}
        onPick={pick}
        onChange={change}
      />
      <RowFieldError id={QUANTITY_ERROR} error={fields.quantity} />
      <ActPricePreview
        episode={episode}
        acts={acts}
        programmes={programmes}
        act={act}
        units={units}
        performedOn={performedOn}
        quantityError={fields.quantity}
      />
      {error && !Object.keys(fields).length ? <ErrorBanner error={error} /> : null}
      <ErrorBanner error={tariffs.error} />
    </form>
  );
}
