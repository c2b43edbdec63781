import { useState, type FormEvent } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type EpisodeView, type Outcome } from '../../../../shared/domain/episodes';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { formatFcfa } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { today } from '../../lib/today';
import { focusUnreadField } from '../../lib/unreadFields';

/** Diagnosis and outcome, saved while the episode is open, then the closing that freezes it for the claim. */
export function ClosePanel({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [diagnosis, setDiagnosis] = useState(episode.diagnosis ?? '');
  const [icd10, setIcd10] = useState(episode.icd10 ?? '');
  const [outcome, setOutcome] = useState<Outcome | ''>(episode.outcome ?? '');
  const [endedOn, setEndedOn] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const save = useCall(ramed.episodes.setDiagnosis);
  const close = useCall(ramed.episodes.close);
  const fields = { ...save.error?.fields, ...close.error?.fields };
  const error = close.error ?? save.error;

  async function saveDiagnosis() {
    const view = await save.run({ episodeId: episode.id, diagnosis, icd10, outcome: outcome || undefined });
    if (view) onChanged(view);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    // What the closing needs is checked before asking to confirm it, not after.
    const missing: Record<string, string> = {};
    if (!diagnosis.trim()) missing.diagnosis = 'Indiquez le diagnostic avant de clore';
    if (!outcome) missing.outcome = 'Choisissez l’issue avant de clore';
    if (Object.keys(missing).length > 0) {
      setConfirming(false);
      close.setError({ code: 'INVALID_INPUT', message: 'Diagnostic et issue à compléter avant la clôture.', fields: missing });
      return;
    }
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
          options={[{ value: '', label: '— à préciser —' }, ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]}
        />
        <DateField label="Fin des soins" value={endedOn} onChange={setEndedOn} error={fields.endedOn} required />
      </div>
      {error && Object.keys(fields).length === 0 ? <ErrorBanner error={error} /> : null}
      {confirming ? (
        <div className="banner banner-warn" role="alert">
          Clore l’épisode {episode.number} ? Il sera figé pour la réclamation avec un total RAMED de {formatFcfa(episode.totals.ramed)} ;
          seul le gestionnaire pourra le rouvrir.
          <div className="actions">
            <button type="submit" className="primary" disabled={close.pending} autoFocus>
              Confirmer la clôture
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Revenir
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void saveDiagnosis()} disabled={save.pending}>
            Enregistrer le diagnostic
          </button>
          <button type="submit" className="primary">
            Clore l’épisode
          </button>
        </div>
      )}
    </form>
  );
}
