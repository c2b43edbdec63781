import { useEffect, useRef, useState } from 'react';
import { dispenseQuestion, unitsOf } from '../../../../shared/rules/dispense-check';
import type { BatchView, EpisodePharmacy, StockItem } from '../../../../shared/domain/pharmacy';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { formatDate, formatFcfa, formatNumber } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { MedicinePicker, pickedMedicine } from './MedicinePicker';

/** The quantity's error is shown under the whole row: its column is too narrow for a sentence. */
const QUANTITY_ERROR = 'dispense-quantity-error';

/**
 * Gives a medicine on the episode. An unusual quantity, or serving what is left, is asked again
 * before anything is given; the answer says what was given and the focus goes back to the picker.
 */
export function DispenseForm({ episode, items, onDone }: { episode: EpisodePharmacy; items: readonly StockItem[]; onDone(): void }) {
  const [text, setText] = useState('');
  const [quantity, setQuantity] = useState('');
  const [prescriber, setPrescriber] = useState(episode.lines.at(-1)?.prescriber ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [question, setQuestion] = useState<{ message: string; serveAvailable: boolean } | null>(null);
  const give = useCall(ramed.pharmacy.dispense);
  const [batchId, setBatchId] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [offListReason, setOffListReason] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const quantityField = useRef<HTMLInputElement>(null);
  const medicine = pickedMedicine(items, text);
  const batches = useUsableBatches(medicine?.medicineCode ?? null, items);
  const units = Number(quantity);
  const fields = give.error?.fields ?? {};
  const chosenBatch = batches.find((b) => String(b.id) === batchId) ?? null;
  const short = medicine !== null && Number.isInteger(units) && units > medicine.usable;

  async function submit(serveAvailable: boolean, confirmed = false) {
    setDone(null);
    if (!medicine) {
      give.setError({
        code: 'INVALID_INPUT',
        message: 'Choisissez un médicament dans la liste.',
        fields: { medicineCode: 'Choisissez un médicament dans la liste' },
      });
      picker.current?.focus();
      return;
    }
    const asked = confirmed ? null : dispenseQuestion({ quantity: units, usable: medicine.usable, unit: medicine.unit, serveAvailable });
    if (asked) {
      setQuestion({ message: asked, serveAvailable });
      return;
    }
    setQuestion(null);
    const result = await give.run({
      episodeId: episode.episode.id,
      medicineCode: medicine.medicineCode,
      quantity: units,
      prescriber,
      ...(serveAvailable ? { serveAvailable } : {}),
      ...(batchId ? { batchId: Number(batchId), overrideReason } : {}),
      ...(medicine.offList === 'justifier' && offListReason.trim() ? { offListReason } : {}),
    });
    if (!result) return;
    const given = result.lines.reduce((sum, l) => sum + l.quantity, 0);
    setDone(
      `${medicine.dci} : ${unitsOf(given, medicine.unit)} dispensé(s)` +
        (result.lines.length ? ` (lot ${result.lines.map((l) => l.lot).join(', ')})` : '') +
        (result.unmet ? ` ; manque de ${unitsOf(result.unmet.unmet, medicine.unit)} enregistré comme demande non satisfaite.` : '.'),
    );
    setText('');
    setQuantity('');
    setBatchId('');
    setOverrideReason('');
    setOffListReason('');
    onDone();
    picker.current?.focus();
  }

  const correct = () => {
    setQuestion(null);
    quantityField.current?.focus();
    quantityField.current?.select();
  };

  return (
    <form
      className="card"
      noValidate
      aria-label="Dispenser un médicament"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h2>Dispenser</h2>
      <div className="add-line">
        <MedicinePicker
          items={items}
          text={text}
          inputRef={picker}
          onText={(t) => {
            setText(t);
            setQuestion(null);
            if (give.error) give.setError(null);
          }}
          onAmbiguous={(message) => give.setError({ code: 'INVALID_INPUT', message, fields: { medicineCode: message } })}
          error={fields.medicineCode}
        />
        <Field
          ref={quantityField}
          label="Quantité"
          type="number"
          min={1}
          value={quantity}
          onChange={(e) => {
            setQuantity(e.target.value);
            setQuestion(null);
          }}
          error={fields.quantity}
          errorShownAt={QUANTITY_ERROR}
          required
        />
        <Field
          label="Prescripteur"
          value={prescriber}
          onChange={(e) => setPrescriber(e.target.value)}
          error={fields.prescriber}
          placeholder="ex. Dr Sidibé"
          required
        />
        <SelectField
          label="Lot"
          value={batchId}
          onChange={(e) => setBatchId(e.target.value)}
          error={fields.batchId}
          disabled={batches.length === 0}
          options={[
            { value: '', label: 'Automatique (premier périmé, premier sorti)' },
            ...batches.map((b) => ({
              value: String(b.id),
              label: `${b.lot} · périme le ${formatDate(b.expiry)} · ${formatNumber(b.quantity)} en stock`,
            })),
          ]}
        />
        {batchId ? (
          <Field
            label="Motif du choix du lot"
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            error={fields.overrideReason}
            placeholder="ex. lot déjà entamé au rayon"
            required
          />
        ) : null}
        {medicine?.offList === 'justifier' ? (
          <Field
            label="Justification (hors liste essentielle)"
            value={offListReason}
            onChange={(e) => setOffListReason(e.target.value)}
            error={fields.offListReason}
            placeholder="ex. allergie à l’équivalent de la liste"
            maxLength={300}
            required
          />
        ) : null}
        <button type="submit" className="primary" disabled={give.pending || question !== null || medicine?.offList === 'refuser'}>
          Dispenser
        </button>
        <button
          type="button"
          disabled={give.pending || !short || batchId !== '' || question !== null}
          onClick={() => void submit(true)}
          title="Sert ce qui reste et enregistre le manque"
        >
          Servir le disponible et noter le manque
        </button>
      </div>
      {fields.quantity ? (
        <p id={QUANTITY_ERROR} className="field-error row-error">
          {fields.quantity}
        </p>
      ) : null}
      <p className="preview" aria-live="polite">
        {medicine ? (
          <>
            Prix unitaire : <strong>{formatFcfa(medicine.price)}</strong> · Stock utilisable :{' '}
            <strong>{unitsOf(medicine.usable, medicine.unit)}</strong>
            {chosenBatch
              ? ` · lot choisi : ${chosenBatch.lot}, périme le ${formatDate(chosenBatch.expiry)}`
              : medicine.nextBatch
                ? ` · lot servi : ${medicine.nextBatch.lot}, périme le ${formatDate(medicine.nextBatch.expiry)}`
                : ' · rupture de stock'}
            {Number.isInteger(units) && units > 0 ? ` · ${formatFcfa(units * medicine.price)} à la charge du RAMED` : ''}
          </>
        ) : (
          <span className="muted">
            Choisissez un médicament : son prix, le stock et le lot servi (premier périmé, premier sorti) s’affichent.
          </span>
        )}
      </p>
      {medicine?.offList ? (
        <p className="banner banner-warn" role="note">
          {medicine.offList === 'refuser'
            ? `${medicine.dci} est hors liste nationale des médicaments essentiels : l’établissement ne le dispense pas au titre du RAMED.`
            : `${medicine.dci} est hors liste nationale des médicaments essentiels : indiquez pourquoi il est dispensé (la réclamation le signale à l’ANAM).`}
        </p>
      ) : null}
      {question ? (
        <div className="banner banner-warn" role="alert" aria-label="Quantité à confirmer">
          <p>{question.message}</p>
          <div className="actions">
            <button type="button" autoFocus onClick={correct}>
              Corriger la quantité
            </button>
            <button type="button" className="primary" disabled={give.pending} onClick={() => void submit(question.serveAvailable, true)}>
              Confirmer et dispenser
            </button>
          </div>
        </div>
      ) : null}
      {give.error && !give.error.fields ? <ErrorBanner error={give.error} /> : null}
      {done ? (
        <p className="banner" role="status">
          {done}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The batches of a medicine the pharmacist may pick instead of the FEFO one: in stock and not
 * expired. Reloaded when the stock changes (the list of stock items is refreshed after each act).
 */
function useUsableBatches(medicineCode: string | null, items: readonly StockItem[]): BatchView[] {
  const [batches, setBatches] = useState<BatchView[]>([]);
  const list = useCall(ramed.pharmacy.batches);
  const load = list.run;
  useEffect(() => {
    void load({ withEmpty: false }).then((all) => all && setBatches(all));
  }, [load, items]);
  return medicineCode === null ? [] : batches.filter((b) => b.medicineCode === medicineCode && b.state !== 'perime' && b.quantity > 0);
}
