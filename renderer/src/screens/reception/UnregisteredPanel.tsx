import { useState, type FormEvent } from 'react';
import type { DeskCheck } from '../../../../shared/domain/reception';
import { useCommand } from '../../lib/useCommand';
import { EmergencyAdmitForm } from './EmergencyAdmitForm';
import { registrationDraftOf, registrationInput, type RegistrationDraft } from './registration-draft';
import { RegistrationRequestForm } from './RegistrationRequestForm';

/**
 * A person the registry does not cover today: the request for registration (pre-filled from the
 * registry when it knows the récépissé), then, for an emergency only and on purpose, the admission
 * out of the registry with its reason: also for a récépissé absent from the local registry (the
 * episode waits for its person until an import brings it). Without any récépissé there is nothing
 * to admit under: the person is taken care of outside the RAMED.
 */
export function UnregisteredPanel({
  result,
  recepisse,
  onAdmitted,
}: {
  result: DeskCheck;
  recepisse: string;
  onAdmitted: (episodeId: number, number: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RegistrationDraft>(() => registrationDraftOf(result.person));
  const [reason, setReason] = useState('');
  const request = useCommand('registration.request');
  const admit = useCommand('reception.admit');
  const requestId = request.result?.id ?? null;

  const submitRequest = (e: FormEvent) => {
    e.preventDefault();
    void request.run(registrationInput(draft, recepisse));
  };

  const submitEmergency = async (e: FormEvent) => {
    e.preventDefault();
    if (requestId === null) return;
    const done = await admit.run({
      recepisse,
      type: 'urgence',
      emergency: true,
      identityDocument: 'aucun',
      identityMatches: null,
      registrationRequestId: requestId,
      unregisteredReason: reason,
    });
    if (done?.outcome === 'admitted') onAdmitted(done.episodeId, done.number);
  };

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          Demande d’immatriculation…
        </button>
        <span className="muted small">
          Personne absente du registre ou sans droits aujourd’hui : notez sa demande pour les services sociaux.
        </span>
      </div>
    );
  }
  if (requestId === null) {
    return (
      <RegistrationRequestForm
        draft={draft}
        onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
        recepisse={recepisse}
        error={request.error}
        pending={request.running}
        onSubmit={submitRequest}
        onCancel={() => setOpen(false)}
      />
    );
  }
  return (
    <EmergencyAdmitForm
      requestId={requestId}
      admissible={result.person !== null || recepisse.trim() !== ''}
      inRegistry={result.person !== null}
      reason={reason}
      onReason={setReason}
      error={admit.error}
      refusal={admit.result?.outcome === 'refused' ? admit.result.message : null}
      pending={admit.running}
      onSubmit={(e) => void submitEmergency(e)}
    />
  );
}
