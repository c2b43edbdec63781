import type { FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';

interface Props {
  requestId: number;
  /** A récépissé was presented: the episode can be tied to the registry. */
  admissible: boolean;
  /** The registry holds the récépissé (otherwise the episode waits for an import to bring it). */
  inRegistry: boolean;
  reason: string;
  onReason(reason: string): void;
  error: ApiError | null;
  /** The server's refusal, in French. */
  refusal: string | null;
  pending: boolean;
  onSubmit(e: FormEvent): void;
}

/** The request recorded; then, for an emergency only and on purpose, the admission out of the registry with its reason. */
export function EmergencyAdmitForm({ requestId, admissible, inRegistry, reason, onReason, error, refusal, pending, onSubmit }: Props) {
  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-label="Admission en urgence hors registre">
      <p className="banner banner-ok" role="status">
        Demande d’immatriculation n° {requestId} enregistrée.
      </p>
      {admissible ? (
        <>
          <h2>Admission en urgence hors registre</h2>
          <p className="small">
            Seulement pour une urgence. L’épisode est marqué « hors registre » et ne sera réclamé que si la personne apparaît au registre,
            éligible ce jour, dans le délai fixé par l’établissement.
            {inRegistry
              ? null
              : ' Récépissé absent du registre local : l’épisode porte le nom de la demande, puis est rattaché à la personne quand un import du registre apporte ce récépissé.'}
          </p>
          <Field
            label="Motif de l’admission en urgence"
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            error={error?.fields?.unregisteredReason}
            autoFocus
          />
          <ErrorBanner error={error} />
          {refusal ? (
            <p className="banner banner-error" role="alert">
              {refusal}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={pending}>
              Admettre en urgence (hors registre)
            </button>
          </div>
        </>
      ) : (
        <p className="muted small">
          Sans récépissé, rien ne permet de rattacher l’épisode au registre : prenez la personne en charge hors RAMED.
        </p>
      )}
    </form>
  );
}
