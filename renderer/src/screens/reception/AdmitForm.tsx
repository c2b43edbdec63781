import { useState, type FormEvent } from 'react';
import {
  EPISODE_TYPE_LABELS,
  EPISODE_TYPES,
  IDENTITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENTS,
  type EpisodeType,
  type IdentityDocument,
} from '../../../../shared/domain/episodes';
import type { AdmitResult } from '../../../../shared/domain/reception';
import { REFERRAL_LABELS, type SameDayEpisode } from '../../../../shared/domain/reception';
import { compareNina, type NinaCheck } from '../../../../shared/rules/identity';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

const CHOOSE = { value: '', label: '— Choisir —' };
const NINA_LABELS: Record<NinaCheck, string> = {
  match: '✔ NINA identique à celui du registre',
  mismatch: '✘ NINA différent de celui du registre',
};

/**
 * Identity check and visit details; the server checks eligibility and the referral rule again.
 * Nothing about identity is pre-filled: the agent chooses the document shown and whether it matches.
 * The focus is on « Pièce présentée » as soon as the verdict shows (the arrows choose, Tab moves on),
 * and Enter in any field of the form admits. When the person was already admitted today, that is
 * said first, the earlier episode is one key away, and the one button admits again knowingly.
 */
export function AdmitForm({
  recepisse,
  registryNina,
  seenToday,
  onAdmitted,
  onOpenEpisode,
}: {
  recepisse: string;
  registryNina: string | null;
  seenToday: readonly SameDayEpisode[];
  onAdmitted: (episodeId: number, number: string) => void;
  onOpenEpisode: (episodeId: number) => void;
}) {
  const [type, setType] = useState<EpisodeType>('consultation_externe');
  const [emergency, setEmergency] = useState(false);
  const [referralFrom, setReferralFrom] = useState('');
  const [referralRef, setReferralRef] = useState('');
  const [document, setDocument] = useState<IdentityDocument | ''>('');
  const [number, setNumber] = useState('');
  const [matches, setMatches] = useState<'oui' | 'non' | ''>('');
  const [mismatchReason, setMismatchReason] = useState('');
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  const [answer, setAnswer] = useState<AdmitResult | null>(null);
  const admit = useCall(ramed.reception.admit);
  // Another desk may have admitted the person since the check: the server's answer counts too.
  const earlier = answer?.outcome === 'sameDay' ? answer.episodes : seenToday;
  const again = earlier.length > 0;

  const submit = async (confirmSameDay: boolean, e?: FormEvent) => {
    e?.preventDefault();
    if (admit.pending) return;
    const result = await admit.run({
      recepisse,
      type,
      emergency,
      referralFrom,
      referralRef,
      // An unchosen document is refused by the contract with its French message, next to the field.
      identityDocument: document as IdentityDocument,
      identityNumber: document === 'aucun' ? '' : number,
      identityMatches: document === 'aucun' || matches === '' ? null : matches === 'oui',
      identityMismatchReason: matches === 'non' ? mismatchReason : '',
      confirmMismatch: matches === 'non' && confirmMismatch,
      confirmSameDay,
    });
    if (!result) return;
    setAnswer(result);
    if (result.outcome === 'admitted') onAdmitted(result.episodeId, result.number);
  };
  const fields = admit.error?.fields ?? {};
  const ninaCheck = document === 'cni_nina' ? compareNina(number, registryNina) : null;

  return (
    <form
      className="admit-form"
      aria-label="Admission"
      noValidate
      onSubmit={(e) => void submit(again, e)}
      onKeyDown={(e) => {
        // A select does not submit its form on Enter as an input does: at the desk, Enter admits from any field.
        if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
          e.preventDefault();
          void submit(again);
        }
      }}
    >
      <h3>Admission</h3>
      {again ? (
        <div role="alert" className="warning-box">
          <p>
            <strong>Déjà admis aujourd’hui.</strong> Ouvrez l’épisode existant pour y ajouter les soins ; n’admettez à nouveau que pour une
            autre venue.
          </p>
          <ul className="plain-list">
            {earlier.map((e, i) => (
              <li key={e.id}>
                <button type="button" className="link-button" autoFocus={i === 0} onClick={() => onOpenEpisode(e.id)}>
                  Ouvrir l’épisode {e.number}
                </button>{' '}
                (ouvert le {formatDateTime(e.openedAt)} par {e.openedBy}
                {e.status === 'clos' ? ', déjà clos' : ''})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-row">
        <SelectField
          label="Type de venue"
          value={type}
          onChange={(e) => setType(e.target.value as EpisodeType)}
          options={options(EPISODE_TYPES, EPISODE_TYPE_LABELS)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} /> Urgence
        </label>
        <Field
          label="Référé par (structure)"
          value={referralFrom}
          onChange={(e) => setReferralFrom(e.target.value)}
          error={fields.referralFrom}
        />
        <Field label="N° de référence" value={referralRef} onChange={(e) => setReferralRef(e.target.value)} error={fields.referralRef} />
      </div>
      <div className="form-row">
        <SelectField
          label="Pièce présentée"
          value={document}
          onChange={(e) => setDocument(e.target.value as IdentityDocument | '')}
          options={[CHOOSE, ...options(IDENTITY_DOCUMENTS, IDENTITY_DOCUMENT_LABELS)]}
          error={fields.identityDocument}
          autoFocus={!again}
        />
        {document !== 'aucun' ? (
          <>
            <Field label="N° de la pièce" value={number} onChange={(e) => setNumber(e.target.value)} error={fields.identityNumber} />
            <SelectField
              label="La pièce correspond"
              value={matches}
              onChange={(e) => setMatches(e.target.value as 'oui' | 'non' | '')}
              options={[CHOOSE, { value: 'oui', label: 'Correspond' }, { value: 'non', label: 'Ne correspond pas' }]}
              error={fields.identityMatches}
            />
          </>
        ) : (
          <p className="warning-text">⚠ Aucune pièce : l’épisode sera marqué « identité non vérifiée ».</p>
        )}
      </div>
      {document === 'cni_nina' && number.trim() !== '' ? (
        <p role="status" className={ninaCheck === 'mismatch' ? 'warning-text' : ninaCheck === 'match' ? 'text-ok' : 'muted'}>
          {ninaCheck ? NINA_LABELS[ninaCheck] : 'Le registre n’a pas de NINA pour cette personne : rien à comparer.'}
          {ninaCheck === 'mismatch' ? ` (registre : ${registryNina}). L’écart sera signalé dans la réclamation.` : ''}
        </p>
      ) : null}
      {matches === 'non' && document !== 'aucun' ? (
        <div className="warning-box" role="group" aria-label="Pièce qui ne correspond pas">
          <Field
            label="Pourquoi admettre quand même ?"
            value={mismatchReason}
            onChange={(e) => setMismatchReason(e.target.value)}
            error={fields.identityMismatchReason}
          />
          <label className="checkbox">
            <input type="checkbox" checked={confirmMismatch} onChange={(e) => setConfirmMismatch(e.target.checked)} /> Je confirme admettre
            malgré une pièce qui ne correspond pas (signalé dans la réclamation)
          </label>
          {fields.confirmMismatch ? (
            <small className="field-error" role="alert">
              {fields.confirmMismatch}
            </small>
          ) : null}
        </div>
      ) : null}
      <ErrorBanner error={admit.error} />
      {answer?.outcome === 'refused' ? (
        <p role="alert" className="verdict-no-text">
          {answer.message}
          {answer.reasons.includes('REFERRAL_REQUIRED') ? ` ${REFERRAL_LABELS.REFERRAL_REQUIRED}.` : ''}
        </p>
      ) : null}
      <button type="submit" className="primary" aria-disabled={admit.pending}>
        {again ? 'Admettre à nouveau (nouvel épisode)' : 'Admettre'}
      </button>
    </form>
  );
}
