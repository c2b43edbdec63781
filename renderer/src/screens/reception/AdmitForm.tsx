import { useState, type FormEvent } from 'react';
import { REFERRAL_LABELS, type SameDayEpisode } from '../../../../shared/domain/reception';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useCommand } from '../../lib/useCommand';
import { identityInput, NEW_VISIT, NO_IDENTITY, type IdentityDraft, type VisitDraft } from './admit-draft';
import { IdentityFields } from './IdentityFields';
import { SameDayWarning } from './SameDayWarning';
import { VisitFields } from './VisitFields';

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
  const [visit, setVisit] = useState<VisitDraft>(NEW_VISIT);
  const [identity, setIdentity] = useState<IdentityDraft>(NO_IDENTITY);
  const admit = useCommand('reception.admit');
  const answer = admit.result;
  // Another desk may have admitted the person since the check: the server's answer counts too.
  const earlier = answer?.outcome === 'sameDay' ? answer.episodes : seenToday;
  const again = earlier.length > 0;

  const submit = async (confirmSameDay: boolean, e?: FormEvent) => {
    e?.preventDefault();
    if (admit.running) return;
    const result = await admit.run({ recepisse, ...visit, ...identityInput(identity), confirmSameDay });
    if (result?.outcome === 'admitted') onAdmitted(result.episodeId, result.number);
  };
  const fields = admit.error?.fields ?? {};

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
      {again ? <SameDayWarning earlier={earlier} onOpenEpisode={onOpenEpisode} /> : null}
      <VisitFields visit={visit} onChange={(change) => setVisit((v) => ({ ...v, ...change }))} fields={fields} />
      <IdentityFields
        identity={identity}
        onChange={(change) => setIdentity((i) => ({ ...i, ...change }))}
        fields={fields}
        registryNina={registryNina}
        autoFocus={!again}
      />
      <ErrorBanner error={admit.error} />
      {answer?.outcome === 'refused' ? (
        <p role="alert" className="verdict-no-text">
          {answer.message}
          {answer.reasons.includes('REFERRAL_REQUIRED') ? ` ${REFERRAL_LABELS.REFERRAL_REQUIRED}.` : ''}
        </p>
      ) : null}
      <button type="submit" className="primary" aria-disabled={admit.running}>
        {again ? 'Admettre à nouveau (nouvel épisode)' : 'Admettre'}
      </button>
    </form>
  );
}
