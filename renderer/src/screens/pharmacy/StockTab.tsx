import { useState, type FormEvent } from 'react';
import { MOVEMENT_LABELS, type BatchView, type MovementView, type StockAlert, type StockItem } from '../../../../shared/domain/pharmacy';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { downloadFile } from '../../lib/files';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';
import { DateField } from '../../components/DateField';
import type { SectionProps } from '../../section-props';
import { MedicinePicker, pickedMedicine } from './MedicinePicker';

const STATE_LABELS: Record<BatchView['state'], string> = { ok: '', bientot: 'périme sous 90 jours', perime: 'périmé' };
const ALERT_LABELS: Record<StockAlert['kind'], string> = {
  perime: 'Périmé',
  sous_seuil: 'Sous le seuil',
  bientot_perime: 'Périme sous 90 jours',
};

const BATCH_COLUMNS: readonly DataColumn<BatchView>[] = [
  { key: 'dci', header: 'DCI', value: (b) => `${b.dci} ${b.form} ${b.strength}` },
  { key: 'lot', header: 'Lot', value: (b) => b.lot },
  { key: 'expiry', header: 'Péremption', value: (b) => b.expiry, render: (b) => formatDate(b.expiry) },
  // No total: gélules, flacons and sachets do not add up (the value does).
  { key: 'quantity', header: 'Quantité', value: (b) => b.quantity, kind: 'number' },
  { key: 'value', header: 'Valeur', value: (b) => b.quantity * b.unitCost, kind: 'money', total: true },
  { key: 'supplier', header: 'Fournisseur', value: (b) => b.supplier },
  {
    key: 'state',
    header: 'État',
    value: (b) => STATE_LABELS[b.state],
    // An expired lot still on the shelf must be seen at once: it is never dispensed and must be withdrawn.
    render: (b) => (b.state === 'perime' ? <strong className="text-no">PÉRIMÉ : à retirer</strong> : STATE_LABELS[b.state]),
  },
];

/** The alert names the form and strength too: « Amoxicilline » alone may be gélules or a syrup. */
const alertColumns = (items: readonly StockItem[]): DataColumn<StockAlert>[] => [
  { key: 'kind', header: 'Alerte', value: (a) => ALERT_LABELS[a.kind] },
  {
    key: 'dci',
    header: 'Médicament',
    value: (a) => {
      const item = items.find((i) => i.medicineCode === a.medicineCode);
      return item ? `${a.dci} ${item.form} ${item.strength}` : `${a.dci} (${a.medicineCode})`;
    },
  },
  { key: 'lot', header: 'Lot', value: (a) => a.lot ?? '' },
  { key: 'expiry', header: 'Péremption', value: (a) => a.expiry ?? '', render: (a) => formatDate(a.expiry) },
  { key: 'quantity', header: 'Quantité', value: (a) => a.quantity, kind: 'number' },
  { key: 'threshold', header: 'Seuil', value: (a) => a.threshold ?? '', kind: 'number' },
];

const MOVEMENT_COLUMNS: readonly DataColumn<MovementView>[] = [
  { key: 'at', header: 'Date', value: (m) => m.at, render: (m) => formatDateTime(m.at) },
  { key: 'kind', header: 'Mouvement', value: (m) => MOVEMENT_LABELS[m.kind] },
  { key: 'dci', header: 'DCI', value: (m) => m.dci },
  { key: 'lot', header: 'Lot', value: (m) => m.lot },
  { key: 'quantity', header: 'Quantité', value: (m) => m.quantity, kind: 'number' },
  { key: 'balance', header: 'Solde du lot', value: (m) => m.balance, kind: 'number' },
  { key: 'reason', header: 'Motif', value: (m) => m.reason ?? '' },
  { key: 'by', header: 'Par', value: (m) => m.byLogin },
];

const NONE: never[] = [];

/** Batches held, alerts, the ledger, and the forms that add to it (receipt, count, adjustment, threshold). */
export function StockTab({ session }: SectionProps) {
  const canMove = session.roles.includes('pharmacie');
  // A stock change (receipt, count, adjustment, threshold) asks the four lists again.
  const [changes, setChanges] = useState(0);
  const batches = useQuery('pharmacy.batches', {}, { reloadKey: changes }).data ?? NONE;
  const alerts = useQuery('pharmacy.alerts', {}, { reloadKey: changes }).data ?? NONE;
  const movements = useQuery('pharmacy.movements', {}, { reloadKey: changes }).data ?? NONE;
  const items = useQuery('pharmacy.stockItems', {}, { reloadKey: changes }).data ?? NONE;
  const reload = () => setChanges((n) => n + 1);
  const report = useCommand('pharmacy.stockReport');

  return (
    <div className="pharmacy">
      <div className="toolbar">
        <button type="button" disabled={report.running} onClick={() => void report.run({}).then((file) => file && downloadFile(file))}>
          Imprimer l’état du stock (PDF)
        </button>
        <ErrorBanner error={report.error} />
      </div>
      <DataTable
        label="Alertes"
        rows={alerts}
        columns={alertColumns(items)}
        rowKey={(a) => `${a.kind}-${a.medicineCode}-${a.lot ?? ''}`}
        pageSize={6}
        empty="Aucune alerte."
      />
      <DataTable
        label="Lots en stock"
        rows={batches}
        columns={BATCH_COLUMNS}
        rowKey={(b) => String(b.id)}
        pageSize={10}
        csvName="lots-en-stock"
      />
      {canMove ? (
        <div className="forms-row">
          <ReceiptForm items={items} onDone={reload} />
          <BatchForm batches={batches} onDone={reload} />
          <ThresholdForm items={items} onDone={reload} />
        </div>
      ) : null}
      <DataTable
        label="Registre des mouvements"
        rows={movements}
        columns={MOVEMENT_COLUMNS}
        rowKey={(m) => String(m.id)}
        pageSize={10}
        csvName="mouvements-de-stock"
      />
    </div>
  );
}

function ReceiptForm({ items, onDone }: { items: readonly StockItem[]; onDone(): void }) {
  const empty = { text: '', lot: '', expiry: '', quantity: '', unitCost: '', supplier: 'PPM', receivedOn: today() };
  const [f, setF] = useState(empty);
  const receive = useCommand('pharmacy.receive');
  const fields = receive.error?.fields ?? {};
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    const medicine = pickedMedicine(items, f.text);
    const done = await receive.run({
      medicineCode: medicine?.medicineCode ?? '',
      lot: f.lot,
      expiry: f.expiry,
      quantity: Number(f.quantity),
      unitCost: Number(f.unitCost),
      supplier: f.supplier,
      receivedOn: f.receivedOn,
    });
    if (!done) return;
    setF(empty);
    onDone();
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Réception">
      <h2>Réception</h2>
      <MedicinePicker items={items} text={f.text} onText={(text) => setF({ ...f, text })} error={fields.medicineCode} />
      <Field label="Lot" value={f.lot} onChange={set('lot')} error={fields.lot} />
      <DateField label="Péremption" value={f.expiry} onChange={(expiry) => setF({ ...f, expiry })} error={fields.expiry} />
      <Field label="Quantité" type="number" value={f.quantity} onChange={set('quantity')} error={fields.quantity} />
      <Field label="Coût unitaire (FCFA)" type="number" value={f.unitCost} onChange={set('unitCost')} error={fields.unitCost} />
      <Field label="Fournisseur" value={f.supplier} onChange={set('supplier')} error={fields.supplier} />
      <DateField label="Reçu le" value={f.receivedOn} onChange={(receivedOn) => setF({ ...f, receivedOn })} error={fields.receivedOn} />
      <button type="submit" className="primary" disabled={receive.running}>
        Enregistrer la réception
      </button>
    </form>
  );
}

function BatchForm({ batches, onDone }: { batches: readonly BatchView[]; onDone(): void }) {
  const [kind, setKind] = useState<'count' | 'adjust'>('count');
  const [batchId, setBatchId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const count = useCommand('pharmacy.count');
  const adjust = useCommand('pharmacy.adjust');
  const call = kind === 'count' ? count : adjust;
  const fields = call.error?.fields ?? {};
  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = Number(batchId);
    const done =
      kind === 'count'
        ? await count.run({ batchId: id, counted: Number(quantity), ...(reason ? { reason } : {}) })
        : await adjust.run({ batchId: id, quantity: Number(quantity), reason });
    if (!done) return;
    setQuantity('');
    setReason('');
    onDone();
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Inventaire ou ajustement">
      <h2>Inventaire ou ajustement</h2>
      <SelectField
        label="Opération"
        value={kind}
        onChange={(e) => setKind(e.target.value as 'count' | 'adjust')}
        options={[
          { value: 'count', label: 'Inventaire (quantité comptée)' },
          { value: 'adjust', label: 'Ajustement (+ entrée, − sortie)' },
        ]}
      />
      <SelectField
        label="Lot"
        value={batchId}
        onChange={(e) => setBatchId(e.target.value)}
        error={fields.batchId}
        options={[
          { value: '', label: 'Choisissez un lot' },
          ...batches.map((b) => ({ value: String(b.id), label: `${b.dci} ${b.strength} — lot ${b.lot} (${formatNumber(b.quantity)})` })),
        ]}
      />
      <Field
        label={kind === 'count' ? 'Quantité comptée' : 'Quantité (ex. -3)'}
        type="number"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={fields.quantity ?? fields.counted}
      />
      <Field
        label={kind === 'count' ? 'Motif (facultatif)' : 'Motif'}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
        placeholder="ex. casse, péremption"
      />
      <button type="submit" className="primary" disabled={call.running}>
        Enregistrer
      </button>
      {call.error && !call.error.fields ? <ErrorBanner error={call.error} /> : null}
    </form>
  );
}

function ThresholdForm({ items, onDone }: { items: readonly StockItem[]; onDone(): void }) {
  const [text, setText] = useState('');
  const [threshold, setThreshold] = useState('');
  const save = useCommand('pharmacy.setThreshold');
  const medicine = pickedMedicine(items, text);
  const fields = save.error?.fields ?? {};
  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await save.run({ medicineCode: medicine?.medicineCode ?? '', threshold: Number(threshold) });
    if (!done) return;
    setThreshold('');
    onDone();
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Seuil de commande">
      <h2>Seuil de commande</h2>
      <MedicinePicker items={items} text={text} onText={setText} error={fields.medicineCode} />
      <p className="muted">
        {medicine
          ? `Seuil actuel : ${medicine.threshold === null ? 'aucun' : formatNumber(medicine.threshold)} · stock utilisable ${formatNumber(medicine.usable)}`
          : ' '}
      </p>
      <Field
        label="Nouveau seuil"
        type="number"
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        error={fields.threshold}
      />
      <button type="submit" className="primary" disabled={save.running}>
        Enregistrer le seuil
      </button>
    </form>
  );
}
