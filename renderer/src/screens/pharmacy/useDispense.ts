import { useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import type { DispenseResult, EpisodePharmacy, StockItem } from '../../../../shared/domain/pharmacy';
import { dispenseQuestion, unitsOf } from '../../../../shared/rules/dispense-check';
import { offListInput } from '../../components/LineEntryFields';
import { useCommand } from '../../lib/useCommand';
import type { DispenseDraft } from './DispenseFields';
import { pickedMedicine } from './MedicinePicker';

const NO_DRAFT: DispenseDraft = { text: '', quantity: '', prescriber: '', batchId: '', overrideReason: '', offListReason: '' };

/** What was given, in a sentence: the units, their batches, and the shortfall recorded. */
function givenMessage(medicine: StockItem, result: DispenseResult): string {
  const units = result.lines.reduce((sum, l) => sum + l.quantity, 0);
  const lots = result.lines.length ? ` (lot ${result.lines.map((l) => l.lot).join(', ')})` : '';
  const shortfall = result.unmet
    ? ` ; manque de ${unitsOf(result.unmet.unmet, medicine.unit)} enregistré comme demande non satisfaite.`
    : '.';
  return `${medicine.dci} : ${unitsOf(units, medicine.unit)} dispensé(s)${lots}${shortfall}`;
}

/**
 * The dispensing form's state and its one command: the draft, the question asked before an unusual
 * quantity, what was given. After a dispensing the draft empties (the prescriber stays) and the
 * focus goes back to the medicine picker.
 */
export function useDispense(episode: EpisodePharmacy, items: readonly StockItem[], onDone: () => void) {
  const [draft, setDraft] = useState<DispenseDraft>(() => ({ ...NO_DRAFT, prescriber: episode.lines.at(-1)?.prescriber ?? '' }));
  const [done, setDone] = useState<string | null>(null);
  const [question, setQuestion] = useState<{ message: string; serveAvailable: boolean } | null>(null);
  // A medicine not chosen, or a name that names several: said like the server's refusal, until the next try.
  const [local, setLocal] = useState<ApiError | null>(null);
  const give = useCommand('pharmacy.dispense');
  const picker = useRef<HTMLInputElement>(null);
  const medicine = pickedMedicine(items, draft.text);
  const units = Number(draft.quantity);
  const change = (patch: Partial<DispenseDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(serveAvailable: boolean, confirmed = false) {
    setDone(null);
    if (!medicine) {
      setLocal({
        code: 'INVALID_INPUT',
        message: 'Choisissez un médicament dans la liste.',
        fields: { medicineCode: 'Choisissez un médicament dans la liste' },
      });
      picker.current?.focus();
      return;
    }
    const asked = confirmed ? null : dispenseQuestion({ quantity: units, usable: medicine.usable, unit: medicine.unit, serveAvailable });
    if (asked) return setQuestion({ message: asked, serveAvailable });
    setQuestion(null);
    setLocal(null);
    const { batchId, overrideReason, offListReason } = draft;
    const result = await give.run({
      episodeId: episode.episode.id,
      medicineCode: medicine.medicineCode,
      quantity: units,
      prescriber: draft.prescriber,
      ...(serveAvailable ? { serveAvailable } : {}),
      ...(batchId ? { batchId: Number(batchId), overrideReason } : {}),
      ...(medicine.offList === 'justifier' ? offListInput(offListReason) : {}),
    });
    if (!result) return;
    setDone(givenMessage(medicine, result));
    setDraft((d) => ({ ...NO_DRAFT, prescriber: d.prescriber }));
    onDone();
    picker.current?.focus();
  }

  /** Another medicine typed: the question and the error about the last one go. */
  function pickText(text: string) {
    change({ text });
    setQuestion(null);
    setLocal(null);
    if (give.error) give.reset();
  }

  return {
    draft,
    change,
    pickText,
    medicine,
    units,
    picker,
    question,
    setQuestion,
    done,
    error: local ?? give.error,
    running: give.running,
    refuseAmbiguous: (message: string) => setLocal({ code: 'INVALID_INPUT', message, fields: { medicineCode: message } }),
    submit,
  };
}
