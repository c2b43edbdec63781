import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BatchView, EpisodePharmacy, StockItem } from '../../../../shared/domain/pharmacy';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { formatDate, formatDateTime, formatFcfa, formatNumber } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { MedicinePicker, pickedMedicine } from './MedicinePicker';

type Line = EpisodePharmacy['lines'][number];
const STATE_LABELS: Record<Line['state'], string> = { active: '', annulee: 'annulée', annulation: 'annulation' };

const LINE_COLUMNS: readonly DataColumn<Line>[] = [
  { key: 'at', header: 'Heure', value: (l) => l.dispensedAt, render: (l) => formatDateTime(l.dispensedAt) },
  { key: 'dci', header: 'DCI', value: (l) => `${l.dci} ${l.form} ${l.strength}` },
  {
    key: 'lot',
    header: 'Lot',
    value: (l) => (l.overrideReason ? `${l.lot} (choisi : ${l.overrideReason})` : l.lot),
  },
  { key: 'quantity', header: 'Qté', value: (l) => l.quantity, kind: 'number', total: true },
  { key: 'amount', header: 'Montant', value: (l) => l.amount, kind: 'money', total: true },
  { key: 'prescriber', header: 'Prescripteur', value: (l) => l.prescriber },
  { key: 'state', header: 'État', value: (l) => STATE_LABELS[l.state] + (l.cancelReason ? ` (${l.cancelReason})` : '') },
];

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

  async function open(episodeId: number) {
    const view = await load.run({ episodeId });
    if (view) setCurrent(view);
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    const list = await find.run({ reference });
    if (!list) return;
    setFound(list);
    const dispensable = list.filter((e) => e.dispensable);
    if (dispensable.length === 1) await open(dispensable[0]!.id);
    else setCurrent(null);
  }

  return (
    <div className="pharmacy">
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
                <button type="button" disabled={!e.dispensable} onClick={() => void open(e.id)}>
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
            <h2>
              {current.episode.patient} — {current.episode.number}
            </h2>
            <p className="muted">
              Récépissé {current.episode.recepisse} · {current.episode.status === 'ouvert' ? 'épisode ouvert' : 'épisode clos aujourd’hui'}{' '}
              depuis le {formatDate(current.episode.openedAt)}
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
          <DataTable
            label="Médicaments dispensés"
            rows={current.lines}
            columns={LINE_COLUMNS}
            rowKey={(l) => String(l.id)}
            empty="Aucun médicament dispensé sur cet épisode."
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

function DispenseForm({ episode, items, onDone }: { episode: EpisodePharmacy; items: readonly StockItem[]; onDone(): void }) {
  const [text, setText] = useState('');
  const [quantity, setQuantity] = useState('');
  const [prescriber, setPrescriber] = useState(episode.lines.at(-1)?.prescriber ?? '');
  const [done, setDone] = useState<string | null>(null);
  const give = useCall(ramed.pharmacy.dispense);
  const [batchId, setBatchId] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const medicine = pickedMedicine(items, text);
  const batches = useUsableBatches(medicine?.medicineCode ?? null, items);
  const units = Number(quantity);
  const fields = give.error?.fields ?? {};
  const chosenBatch = batches.find((b) => String(b.id) === batchId) ?? null;
  const short = medicine !== null && Number.isInteger(units) && units > medicine.usable;

  async function submit(serveAvailable: boolean) {
    setDone(null);
    if (!medicine) {
      give.setError({
        code: 'INVALID_INPUT',
        message: 'Choisissez un médicament dans la liste.',
        fields: { medicineCode: 'Choisissez un médicament dans la liste' },
      });
      return;
    }
    const result = await give.run({
      episodeId: episode.episode.id,
      medicineCode: medicine.medicineCode,
      quantity: units,
      prescriber,
      ...(serveAvailable ? { serveAvailable } : {}),
      ...(batchId ? { batchId: Number(batchId), overrideReason } : {}),
    });
    if (!result) return;
    const given = result.lines.reduce((sum, l) => sum + l.quantity, 0);
    setDone(
      `${medicine.dci} : ${formatNumber(given)} dispensé(s)` +
        (result.lines.length ? ` (lot ${result.lines.map((l) => l.lot).join(', ')})` : '') +
        (result.unmet ? ` ; ${formatNumber(result.unmet.unmet)} non servi(s), enregistré(s) comme demande non satisfaite.` : '.'),
    );
    setText('');
    setQuantity('');
    setBatchId('');
    setOverrideReason('');
    onDone();
  }

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
        <MedicinePicker items={items} text={text} onText={setText} error={fields.medicineCode} />
        <Field
          label="Quantité"
          type="number"
          min={1}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={fields.quantity}
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
        <button type="submit" className="primary" disabled={give.pending}>
          Dispenser
        </button>
        <button
          type="button"
          disabled={give.pending || !short || batchId !== ''}
          onClick={() => void submit(true)}
          title="Sert ce qui reste et enregistre le manque"
        >
          Servir le disponible et noter le manque
        </button>
      </div>
      <p className="preview" aria-live="polite">
        {medicine ? (
          <>
            Stock utilisable : <strong>{formatNumber(medicine.usable)}</strong> {medicine.unit}
            {chosenBatch
              ? ` · lot choisi : ${chosenBatch.lot}, périme le ${formatDate(chosenBatch.expiry)}`
              : medicine.nextBatch
                ? ` · lot servi : ${medicine.nextBatch.lot}, périme le ${formatDate(medicine.nextBatch.expiry)}`
                : ' · rupture de stock'}
            {Number.isInteger(units) && units > 0 ? ` · ${formatFcfa(units * medicine.price)} à la charge du RAMED` : ''}
          </>
        ) : (
          <span className="muted">Choisissez un médicament : le stock et le lot servi (premier périmé, premier sorti) s’affichent.</span>
        )}
      </p>
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
