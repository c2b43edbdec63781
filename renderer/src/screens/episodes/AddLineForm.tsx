import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { EpisodeView } from '../../../../shared/domain/episodes';
import type { TariffEntry } from '../../../../shared/domain/reference';
import { priceAct } from '../../../../shared/rules/pricing';
import { isPregnant, type Programme } from '../../../../shared/rules/programmes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { formatFcfa } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';
import { ActPicker } from './ActPicker';

/** The quantity's error is shown under the whole row: its column is too narrow for a sentence. */
const QUANTITY_ERROR = 'add-line-quantity-error';

/**
 * Logs an act: the picker offers the acts in force on the chosen date at the facility's level,
 * and the price shown is the one the server will apply (the same pure pricing rules).
 */
export function AddLineForm({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [performedOn, setPerformedOn] = useState(today);
  const [acts, setActs] = useState<TariffEntry[]>([]);
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [code, setCode] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const lastPrescriber = episode.lines.at(-1)?.prescriber ?? '';
  const [prescriber, setPrescriber] = useState(lastPrescriber);
  // Asked for by the server only for a medicine keyed as an act and off the essential list.
  const [offListReason, setOffListReason] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const tariffs = useCall(ramed.tariffs.list);
  const programmeList = useCall(ramed.programmes.list);
  const loadProgrammes = programmeList.run;
  const add = useCall(ramed.episodes.addLine);
  const loadTariffs = tariffs.run;
  const fields = add.error?.fields ?? {};

  useEffect(() => {
    if (!performedOn) return;
    void loadTariffs({ date: performedOn, level: episode.level }).then((list) => list && setActs(list));
  }, [loadTariffs, performedOn, episode.level]);
  useEffect(() => {
    if (!performedOn) return;
    void loadProgrammes({ date: performedOn }).then((list) => list && setProgrammes(list));
  }, [loadProgrammes, performedOn]);

  // The version in force on the chosen date (another date may mean another price).
  const act = acts.find((a) => a.code === code) ?? null;

  const units = Number(quantity);
  const preview = useMemo(() => {
    if (!act || !Number.isInteger(units) || units < 1) return null;
    const already = episode.lines.filter((l) => l.kind === 'acte' && l.code === act.code).reduce((sum, l) => sum + l.quantity, 0);
    const { sex, birthDate } = episode.patient;
    const facts = { birthDate, sex, pregnant: isPregnant(episode, sex), icd10: episode.icd10 };
    return priceAct(acts, {
      code: act.code,
      date: performedOn,
      level: episode.level,
      quantity: units,
      alreadyInEpisode: already,
      coverage: { programmes, facts },
    });
  }, [act, acts, programmes, units, performedOn, episode]);
  const programmeName = (code: string | null) => programmes.find((p) => p.code === code)?.name ?? `Programme ${code ?? ''}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    if (!act) {
      add.setError({
        code: 'INVALID_INPUT',
        message: 'Choisissez un acte dans la liste.',
        fields: { code: 'Choisissez un acte dans la liste' },
      });
      picker.current?.focus();
      return;
    }
    const reason = offListReason.trim();
    const view = await add.run({
      episodeId: episode.id,
      code: act.code,
      quantity: units,
      performedOn,
      prescriber,
      ...(reason ? { offListReason: reason } : {}),
    });
    if (!view) return;
    onChanged(view);
    setCode(null);
    setQuantity('1');
    setOffListReason('');
    picker.current?.focus();
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Ajouter un acte">
      <h2>Ajouter un acte</h2>
      <div className="add-line">
        <ActPicker
          ref={picker}
          acts={acts}
          value={act}
          onChange={(a) => {
            setCode(a?.code ?? null);
            setOffListReason('');
            add.setError(null);
          }}
          error={fields.code}
        />
        <Field
          label="Quantité"
          type="number"
          min={1}
          max={999}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={fields.quantity}
          errorShownAt={QUANTITY_ERROR}
          required
        />
        <DateField label="Date de l’acte" value={performedOn} onChange={setPerformedOn} error={fields.performedOn} required />
        <Field
          label="Prescripteur"
          value={prescriber}
          onChange={(e) => setPrescriber(e.target.value)}
          error={fields.prescriber}
          placeholder="ex. Dr Sidibé"
          required
        />
        <button type="submit" className="primary" disabled={add.pending}>
          Ajouter
        </button>
      </div>
      {fields.offListReason || offListReason ? (
        <Field
          label="Justification (hors liste essentielle)"
          value={offListReason}
          onChange={(e) => setOffListReason(e.target.value)}
          error={fields.offListReason}
          maxLength={300}
          required
        />
      ) : null}
      {fields.quantity ? (
        <p id={QUANTITY_ERROR} className="field-error row-error">
          {fields.quantity}
        </p>
      ) : null}
      <p className="preview" aria-live="polite">
        {preview === null ? (
          <span className="muted">Choisissez un acte : son prix s’affiche avant l’ajout.</span>
        ) : preview.ok ? (
          preview.line.payer === 'ramed' ? (
            <>
              {preview.line.quantity} × {formatFcfa(preview.line.unitPrice)} = <strong>{formatFcfa(preview.line.amount)}</strong> à la
              charge du RAMED
            </>
          ) : (
            <>
              {programmeName(preview.line.programme)} : {formatFcfa(preview.line.amount)} pris en charge par le programme de gratuité,{' '}
              <strong>non facturé au RAMED</strong>
            </>
          )
        ) : preview.message === fields.quantity ? null : (
          <span className="field-error">{preview.message}</span>
        )}
      </p>
      {add.error && !Object.keys(fields).length ? <ErrorBanner error={add.error} /> : null}
      <ErrorBanner error={tariffs.error} />
    </form>
  );
}
