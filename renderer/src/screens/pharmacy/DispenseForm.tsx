import { useRef } from 'react';
import type { EpisodePharmacy, StockItem } from '../../../../shared/domain/pharmacy';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RowFieldError } from '../../components/LineEntryFields';
import { DispenseFields, QUANTITY_ERROR } from './DispenseFields';
import { DispensePreview } from './DispensePreview';
import { QuantityQuestion } from './QuantityQuestion';
import { useDispense } from './useDispense';
import { useUsableBatches } from './useUsableBatches';

/**
 * Gives a medicine on the episode. An unusual quantity, or serving what is left, is asked again
 * before anything is given; the answer says what was given and the focus goes back to the picker.
 */
export function DispenseForm({ episode, items, onDone }: { episode: EpisodePharmacy; items: readonly StockItem[]; onDone(): void }) {
  const form = useDispense(episode, items, onDone);
  const { draft, medicine, units, question, error } = form;
  const batches = useUsableBatches(medicine?.medicineCode ?? null, items);
  const quantityField = useRef<HTMLInputElement>(null);
  const fields = error?.fields ?? {};
  const short = medicine !== null && Number.isInteger(units) && units > medicine.usable;
  const busy = form.running || question !== null;

  return (
    <form
      className="card"
      noValidate
      aria-label="Dispenser un médicament"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(false);
      }}
    >
      <h2>Dispenser</h2>
      <DispenseFields
        items={items}
        draft={draft}
        medicine={medicine}
        batches={batches}
        fields={fields}
        pickerRef={form.picker}
        quantityRef={quantityField}
        canDispense={!busy && medicine?.offList !== 'refuser'}
        canServeAvailable={!busy && short && draft.batchId === ''}
        onText={form.pickText}
        onQuantity={(quantity) => {
          form.change({ quantity });
          form.setQuestion(null);
        }}
        onChange={form.change}
        onAmbiguous={form.refuseAmbiguous}
        onServeAvailable={() => void form.submit(true)}
      />
      <RowFieldError id={QUANTITY_ERROR} error={fields.quantity} />
      <DispensePreview medicine={medicine} chosenBatch={batches.find((b) => String(b.id) === draft.batchId) ?? null} units={units} />
      {question ? (
        <QuantityQuestion
          message={question.message}
          running={form.running}
          onCorrect={() => {
            form.setQuestion(null);
            quantityField.current?.focus();
            quantityField.current?.select();
          }}
          onConfirm={() => void form.submit(question.serveAvailable, true)}
        />
      ) : null}
      {error && !error.fields ? <ErrorBanner error={error} /> : null}
      {form.done ? (
        <p className="banner" role="status">
          {form.done}
        </p>
      ) : null}
    </form>
  );
}
