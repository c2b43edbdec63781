import { useState, type FormEvent } from 'react';
import type { DeskCheck } from '../../../../shared/domain/reception';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';

/** « 1970 » is a year alone; « 28/02/1991 » a date (JJ/MM/AAAA); anything else is left to the contract's message. */
function birthOf(text: string): { birthYear: number } | { birthDate: string } | Record<string, never> {
  const typed = text.trim();
  if (/^\d{4}$/.test(typed)) return { birthYear: Number(typed) };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  if (m) return { birthDate: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` };
  return {};
}

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
  const p = result.person;
  const admissible = p !== null || recepisse.trim() !== '';
  const [open, setOpen] = useState(false);
  const [familyName, setFamilyName] = useState(p?.familyName ?? '');
  const [givenNames, setGivenNames] = useState(p?.givenNames ?? '');
  const [sex, setSex] = useState<'F' | 'M' | ''>(p?.sex ?? '');
  const [birth, setBirth] = useState(p ? (p.birthYearOnly ? p.birthDate.slice(0, 4) : p.birthDate.split('-').reverse().join('/')) : '');
  const [commune, setCommune] = useState(p?.commune ?? '');
  const [phone, setPhone] = useState(p?.phone ?? '');
  const [requestId, setRequestId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const request = useCall(ramed.registration.request);
  const admit = useCall(ramed.reception.admit);
  const fields = request.error?.fields ?? {};

  const submitRequest = async (e: FormEvent) => {
    e.preventDefault();
    const done = await request.run({
      familyName,
      givenNames,
      sex: sex as 'F' | 'M',
      ...birthOf(birth),
      commune,
      phone,
      recepisse: recepisse.trim() === '' ? undefined : recepisse,
    });
    if (done) setRequestId(done.id);
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
    else if (done?.outcome === 'refused') setRefusal(done.message);
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
      <form className="card" noValidate onSubmit={submitRequest} aria-label="Demande d’immatriculation">
        <h2>Demande d’immatriculation</h2>
        <div className="grid-2">
          <Field label="Nom" value={familyName} onChange={(e) => setFamilyName(e.target.value)} error={fields.familyName} autoFocus />
          <Field label="Prénoms" value={givenNames} onChange={(e) => setGivenNames(e.target.value)} error={fields.givenNames} />
          <SelectField
            label="Sexe"
            value={sex}
            onChange={(e) => setSex(e.target.value as 'F' | 'M' | '')}
            error={fields.sex}
            options={[
              { value: '', label: '— Choisir —' },
              { value: 'F', label: 'Féminin' },
              { value: 'M', label: 'Masculin' },
            ]}
          />
          <Field
            label="Naissance (JJ/MM/AAAA, ou l’année seule)"
            value={birth}
            onChange={(e) => setBirth(e.target.value)}
            error={fields.birthDate ?? fields.birthYear}
          />
          <Field label="Commune" value={commune} onChange={(e) => setCommune(e.target.value)} error={fields.commune} />
          <Field label="Téléphone" value={phone} onChange={(e) => setPhone(e.target.value)} error={fields.phone} />
        </div>
        <p className="muted small">Récépissé présenté : {recepisse.trim() === '' ? 'aucun' : recepisse}. La date et l’agent sont notés.</p>
        <ErrorBanner error={request.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={request.pending}>
            Enregistrer la demande
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Annuler
          </button>
        </div>
      </form>
    );
  }
  return (
    <form className="card" noValidate onSubmit={submitEmergency} aria-label="Admission en urgence hors registre">
      <p className="banner banner-ok" role="status">
        Demande d’immatriculation n° {requestId} enregistrée.
      </p>
      {admissible ? (
        <>
          <h2>Admission en urgence hors registre</h2>
          <p className="small">
            Seulement pour une urgence. L’épisode est marqué « hors registre » et ne sera réclamé que si la personne apparaît au registre,
            éligible ce jour, dans le délai fixé par l’établissement.
            {p
              ? null
              : ' Récépissé absent du registre local : l’épisode porte le nom de la demande, puis est rattaché à la personne quand un import du registre apporte ce récépissé.'}
          </p>
          <Field
            label="Motif de l’admission en urgence"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={admit.error?.fields?.unregisteredReason}
            autoFocus
          />
          <ErrorBanner error={admit.error} />
          {refusal ? (
            <p className="banner banner-error" role="alert">
              {refusal}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={admit.pending}>
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
