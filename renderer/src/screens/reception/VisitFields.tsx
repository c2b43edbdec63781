import { EPISODE_TYPE_LABELS, EPISODE_TYPES, type EpisodeType } from '../../../../shared/domain/episodes';
import { Field, SelectField } from '../../components/Field';
import type { VisitDraft } from './admit-draft';

interface Props {
  visit: VisitDraft;
  onChange(change: Partial<VisitDraft>): void;
  /** The contract's messages, by field. */
  fields: Record<string, string>;
}

const TYPE_OPTIONS = EPISODE_TYPES.map((t) => ({ value: t, label: EPISODE_TYPE_LABELS[t] }));

/** The visit: its type, an emergency, the referring facility and its reference. */
export function VisitFields({ visit, onChange, fields }: Props) {
  return (
    <div className="form-row">
      <SelectField
        label="Type de venue"
        value={visit.type}
        onChange={(e) => onChange({ type: e.target.value as EpisodeType })}
        options={TYPE_OPTIONS}
      />
      <label className="checkbox">
        <input type="checkbox" checked={visit.emergency} onChange={(e) => onChange({ emergency: e.target.checked })} /> Urgence
      </label>
      <Field
        label="Référé par (structure)"
        value={visit.referralFrom}
        onChange={(e) => onChange({ referralFrom: e.target.value })}
        error={fields.referralFrom}
      />
      <Field
        label="N° de référence"
        value={visit.referralRef}
        onChange={(e) => onChange({ referralRef: e.target.value })}
        error={fields.referralRef}
      />
    </div>
  );
}
