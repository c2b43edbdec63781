import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import { OUTCOME_LABELS, OUTCOMES, type EpisodeView, type Outcome } from '../../../../shared/domain/episodes';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';
import { useCommand } from '../../lib/useCommand';
import { CloseActions } from './CloseActions';

const OUTCOME_OPTIONS = [{ value: '', label: '— à préciser —' }, ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))];

/** What the closing needs, checked before asking to confirm it, not after. */
function missingForClosing(diagnosis: string, outcome: Outcome | ''): ApiError | null {
  const missing: Record<string, string> = {};
  if (!diagnosis.trim()) missing.diagnosis = 'Indiquez le diagnostic avant de clore';
  if (!outcome) missing.outcome = 'Choisissez l’issue avant de clore';
  if (Object.keys(missing).length === 0) return null;
  return { code: 'INVALID_INPUT', message: 'Diagnostic et issue à compléter avant la clôture.', fields: missing };
}

/** Diagnosis and outcome, saved while the episode is open, then the closing that freezes it for the claim. */
export function ClosePanel({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [diagnosis, setDiagnosis] = useState(episode.diagnosis ?? '');
  const [icd10, setIcd10] = useState(episode.icd10 ?? '');
  const [outcome, setOutcome] = useState<Outcome | ''>(episode.outcome ?? '');
  const [endedOn, setEndedOn] = useState(today);
  const [confirming, setConfirming] = useState(false);
  // What is missing for the closing: shown like the closing's own refusal until it is asked again.
  const [missing, setMissing] = useState<ApiError | null>(null);
  const save = useCommand('episodes.setDiagnosis');
  const close = useCommand('episodes.close');
  const closeError = missing ?? close.error;
  const fields = { ...save.error?.fields, ...closeError?.fields };
  const error = closeError ?? save.error;

  async function saveDiagnosis() {
    const view = await save.run({ episodeId: episode.id, diagnosis, icd10, outcome: outcome || undefined });
    if (view) onChanged(view);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    const refused = missingForClosing(diagnosis, outcome);
    if (refused) {
      setConfirming(false);
      setMissing(refused);
      return;
    }
    // Complete now: what was missing is no longer shown, from the confirm step on.
    setMissing(null);
    if (!confirming) return setConfirming(true);
    const view = await close.run({ episodeId: episode.id, endedOn, diagnosis, icd10, outcome: outcome as Outcome });
    setConfirming(false);
    if (view) onChanged(view);
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Diagnostic et clôture">
      <h2>Diagnostic et clôture</h2>
      <Field label="Diagnostic" value={diagnosis} onChange={(e) => setDiagnosis(e.target.value)} error={fields.diagnosis} required />
      <div className="grid-3">
        <Field
          label="Code CIM-10 (facultatif)"
          value={icd10}
          onChange={(e) => setIcd10(e.target.value)}
          error={fields.icd10}
          placeholder="ex. B54"
          maxLength={8}
        />
        <SelectField
          label="Issue"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome | '')}
          error={fields.outcome}
          options={OUTCOME_OPTIONS}
        />
        <DateField label="Fin des soins" value={endedOn} onChange={setEndedOn} error={fields.endedOn} required />
      </div>
      {error && Object.keys(fields).length === 0 ? <ErrorBanner error={error} /> : null}
      <CloseActions
        episode={episode}
        confirming={confirming}
        saving={save.running}
        closing={close.running}
        onSave={() => void saveDiagnosis()}
        onBack={() => setConfirming(false)}
      />
    </form>
  );
}
