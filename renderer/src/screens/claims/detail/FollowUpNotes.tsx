import type { ClaimFollowUpView } from '../../../../../shared/domain/claim-responses';
import { CLAIM_STATUS_LABELS } from '../../../../../shared/domain/claims';

/** What is still to do on a signed version: messages not yet received, rejected lines to correct, its resubmissions. */
export function FollowUpNotes({ view, onOpenVersion }: { view: ClaimFollowUpView; onOpenVersion(version: number): void }) {
  const pending = view.claim.followUp?.pendingMessages ?? 0;
  return (
    <>
      {pending > 0 ? (
        <p className="muted small">
          {pending} réclamation(s) de cette version attendent encore d’être reçues par l’ANAM (voir l’onglet Envois à l’ANAM).
        </p>
      ) : null}
      {view.rejectedToResubmit > 0 ? (
        <p className="banner banner-warn">
          {view.rejectedToResubmit} ligne(s) rejetée(s) attendent une correction : corrigez les épisodes (Accueil), puis préparez une
          resoumission.
        </p>
      ) : null}
      {view.resubmissions.length > 0 ? (
        <p>
          Resoumissions :{' '}
          {view.resubmissions.map((r) => (
            <button key={r.version} type="button" className="link" onClick={() => onOpenVersion(r.version)}>
              version {r.version} ({CLAIM_STATUS_LABELS[r.status].toLowerCase()})
            </button>
          ))}
        </p>
      ) : null}
    </>
  );
}
