import { IDENTITY_DOCUMENT_LABELS, IDENTITY_DOCUMENTS, type IdentityDocument } from '../../../../shared/domain/episodes';
import { compareNina, type NinaCheck } from '../../../../shared/rules/identity';
import { Field, SelectField } from '../../components/Field';
import type { IdentityDraft } from './admit-draft';

const CHOOSE = { value: '', label: '— Choisir —' };
const DOCUMENT_OPTIONS = [CHOOSE, ...IDENTITY_DOCUMENTS.map((d) => ({ value: d, label: IDENTITY_DOCUMENT_LABELS[d] }))];
const MATCH_OPTIONS = [CHOOSE, { value: 'oui', label: 'Correspond' }, { value: 'non', label: 'Ne correspond pas' }];
const NINA_LABELS: Record<NinaCheck, string> = {
  match: '✔ NINA identique à celui du registre',
  mismatch: '✘ NINA différent de celui du registre',
};

interface Props {
  identity: IdentityDraft;
  onChange(change: Partial<IdentityDraft>): void;
  /** The contract's messages, by field. */
  fields: Record<string, string>;
  /** The person's NINA in the registry, compared with a NINA card's number as it is typed. */
  registryNina: string | null;
  autoFocus: boolean;
}

/** The document shown and whether it matches the person; a mismatch asks why and a confirmation. */
export function IdentityFields({ identity, onChange, fields, registryNina, autoFocus }: Props) {
  const { document, number, matches } = identity;
  const ninaCheck = document === 'cni_nina' ? compareNina(number, registryNina) : null;
  return (
    <>
      <div className="form-row">
        <SelectField
          label="Pièce présentée"
          value={document}
          onChange={(e) => onChange({ document: e.target.value as IdentityDocument | '' })}
          options={DOCUMENT_OPTIONS}
          error={fields.identityDocument}
          autoFocus={autoFocus}
        />
        {document !== 'aucun' ? (
          <>
            <Field
              label="N° de la pièce"
              value={number}
              onChange={(e) => onChange({ number: e.target.value })}
              error={fields.identityNumber}
            />
            <SelectField
              label="La pièce correspond"
              value={matches}
              onChange={(e) => onChange({ matches: e.target.value as 'oui' | 'non' | '' })}
              options={MATCH_OPTIONS}
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
            value={identity.mismatchReason}
            onChange={(e) => onChange({ mismatchReason: e.target.value })}
            error={fields.identityMismatchReason}
          />
          <label className="checkbox">
            <input type="checkbox" checked={identity.confirmMismatch} onChange={(e) => onChange({ confirmMismatch: e.target.checked })} />{' '}
            Je confirme admettre malgré une pièce qui ne correspond pas (signalé dans la réclamation)
          </label>
          {fields.confirmMismatch ? (
            <small className="field-error" role="alert">
              {fields.confirmMismatch}
            </small>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
