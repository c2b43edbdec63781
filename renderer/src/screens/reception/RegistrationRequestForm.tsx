import type { FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import type { RegistrationDraft } from './registration-draft';

const SEX_OPTIONS = [
  { value: '', label: '— Choisir —' },
  { value: 'F', label: 'Féminin' },
  { value: 'M', label: 'Masculin' },
];

interface Props {
  draft: RegistrationDraft;
  onChange(change: Partial<RegistrationDraft>): void;
  /** The récépissé presented ('' for none). */
  recepisse: string;
  error: ApiError | null;
  pending: boolean;
  onSubmit(e: FormEvent): void;
  onCancel(): void;
}

/** The request for registration of a person the registry does not cover today; the date and the agent are recorded. */
export function RegistrationRequestForm({ draft, onChange, recepisse, error, pending, onSubmit, onCancel }: Props) {
  const fields = error?.fields ?? {};
  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-label="Demande d’immatriculation">
      <h2>Demande d’immatriculation</h2>
      <div className="grid-2">
        <Field
          label="Nom"
          value={draft.familyName}
          onChange={(e) => onChange({ familyName: e.target.value })}
          error={fields.familyName}
          autoFocus
        />
        <Field
          label="Prénoms"
          value={draft.givenNames}
          onChange={(e) => onChange({ givenNames: e.target.value })}
          error={fields.givenNames}
        />
        <SelectField
          label="Sexe"
          value={draft.sex}
          onChange={(e) => onChange({ sex: e.target.value as 'F' | 'M' | '' })}
          error={fields.sex}
          options={SEX_OPTIONS}
        />
        <Field
          label="Naissance (JJ/MM/AAAA, ou l’année seule)"
          value={draft.birth}
          onChange={(e) => onChange({ birth: e.target.value })}
          error={fields.birthDate ?? fields.birthYear}
        />
        <Field label="Commune" value={draft.commune} onChange={(e) => onChange({ commune: e.target.value })} error={fields.commune} />
        <Field label="Téléphone" value={draft.phone} onChange={(e) => onChange({ phone: e.target.value })} error={fields.phone} />
      </div>
      <p className="muted small">Récépissé présenté : {recepisse.trim() === '' ? 'aucun' : recepisse}. La date et l’agent sont notés.</p>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          Enregistrer la demande
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
