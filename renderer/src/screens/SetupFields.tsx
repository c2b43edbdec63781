import { FACILITY_LEVEL_LABELS, FACILITY_LEVELS, type FacilityLevel } from '../../../shared/domain/facility';
import { PASSWORD_MIN_LENGTH } from '../../../shared/domain/users';
import { Field, SelectField } from '../components/Field';

export interface FacilityDraft {
  code: string;
  name: string;
  level: FacilityLevel;
  region: string;
  cercle: string;
  commune: string;
}

export interface AdminDraft {
  login: string;
  fullName: string;
  password: string;
}

/** The facility's code, level, name and place; field errors by path (`facility.code`…). */
export function FacilityFields({
  facility,
  onChange,
  fields,
}: {
  facility: FacilityDraft;
  onChange(next: FacilityDraft): void;
  fields: Record<string, string>;
}) {
  return (
    <>
      <div className="grid-2">
        <Field
          label="Code de l'établissement"
          value={facility.code}
          onChange={(e) => onChange({ ...facility, code: e.target.value })}
          error={fields['facility.code']}
          autoFocus
          required
        />
        <SelectField
          label="Niveau"
          value={facility.level}
          onChange={(e) => onChange({ ...facility, level: e.target.value as FacilityLevel })}
          options={FACILITY_LEVELS.map((l) => ({ value: l, label: FACILITY_LEVEL_LABELS[l] }))}
        />
      </div>
      <Field
        label="Nom de l'établissement"
        value={facility.name}
        onChange={(e) => onChange({ ...facility, name: e.target.value })}
        error={fields['facility.name']}
        required
      />
      <div className="grid-3">
        <Field label="Région" value={facility.region} onChange={(e) => onChange({ ...facility, region: e.target.value })} />
        <Field label="Cercle" value={facility.cercle} onChange={(e) => onChange({ ...facility, cercle: e.target.value })} />
        <Field label="Commune" value={facility.commune} onChange={(e) => onChange({ ...facility, commune: e.target.value })} />
      </div>
    </>
  );
}

interface AdminProps {
  admin: AdminDraft;
  onChange(next: AdminDraft): void;
  /** The password typed again, and whether it differs. */
  confirm: string;
  onConfirm(text: string): void;
  mismatch: boolean;
  fields: Record<string, string>;
}

/** The first administrator: login, full name, password typed twice. */
export function AdminFields({ admin, onChange, confirm, onConfirm, mismatch, fields }: AdminProps) {
  return (
    <>
      <div className="grid-2">
        <Field
          label="Identifiant"
          value={admin.login}
          onChange={(e) => onChange({ ...admin, login: e.target.value })}
          error={fields['admin.login']}
          autoComplete="username"
          required
        />
        <Field
          label="Nom complet"
          value={admin.fullName}
          onChange={(e) => onChange({ ...admin, fullName: e.target.value })}
          error={fields['admin.fullName']}
          required
        />
      </div>
      <div className="grid-2">
        <Field
          label="Mot de passe"
          type="password"
          value={admin.password}
          onChange={(e) => onChange({ ...admin, password: e.target.value })}
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
          error={fields['admin.password']}
          autoComplete="new-password"
          required
        />
        <Field
          label="Confirmer le mot de passe"
          type="password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          error={mismatch ? 'Les deux saisies ne correspondent pas' : undefined}
          autoComplete="new-password"
          required
        />
      </div>
    </>
  );
}
