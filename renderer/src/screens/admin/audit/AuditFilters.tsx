import { useState, type FormEvent } from 'react';
import { api } from '../../../../../shared/api/index';
import { AUDIT_OUTCOME_LABELS, AUDIT_OUTCOMES, type AuditFilter } from '../../../../../shared/domain/audit';
import { auditEntityLabel, auditMethodLabel } from '../../../../../shared/domain/audit-labels';
import { DateField } from '../../../components/DateField';
import { Field, SelectField } from '../../../components/Field';
import { focusUnreadField } from '../../../lib/unreadFields';
import { useQuery } from '../../../lib/useQuery';

/** The filters applied; empty strings mean "any", dates are ISO days. */
export interface AuditFilterForm {
  login: string;
  from: string;
  to: string;
  entity: string;
  method: string;
  outcome: string;
}

export const EMPTY_FILTER: AuditFilterForm = { login: '', from: '', to: '', entity: '', method: '', outcome: '' };

export function toAuditFilter(form: AuditFilterForm): Partial<AuditFilter> {
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')) as Partial<AuditFilter>;
}

// What the audit can name comes from the contract itself: every method, every entity.
const ENTITIES = [...new Set(Object.values(api).flatMap((d) => ('entity' in d && d.entity ? [d.entity] : [])))].sort();
const METHODS = Object.keys(api).sort((a, b) => auditMethodLabel(a).localeCompare(auditMethodLabel(b), 'fr'));

export function AuditFilters({
  applied,
  errors,
  onApply,
}: {
  applied: AuditFilterForm;
  errors: Record<string, string>;
  onApply: (form: AuditFilterForm) => void;
}) {
  const [form, setForm] = useState(applied);
  // Offered while typing a login; the filter works without them.
  const users = useQuery('users.list', {});
  const logins = users.data?.map((u) => u.login) ?? [];
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    onApply(form);
  }

  return (
    <form className="audit-filters" noValidate onSubmit={submit} aria-label="Filtres du journal">
      <Field label="Utilisateur" value={form.login} onChange={set('login')} list="audit-logins" autoComplete="off" error={errors.login} />
      <datalist id="audit-logins">
        {logins.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <DateField label="Du" value={form.from} onChange={(from) => setForm({ ...form, from })} error={errors.from} />
      <DateField label="Au" value={form.to} onChange={(to) => setForm({ ...form, to })} error={errors.to} />
      <SelectField
        label="Objet"
        value={form.entity}
        onChange={set('entity')}
        options={[{ value: '', label: 'Tous' }, ...ENTITIES.map((e) => ({ value: e, label: auditEntityLabel(e) }))]}
      />
      <SelectField
        label="Opération"
        value={form.method}
        onChange={set('method')}
        options={[{ value: '', label: 'Toutes' }, ...METHODS.map((m) => ({ value: m, label: auditMethodLabel(m) }))]}
      />
      <SelectField
        label="Résultat"
        value={form.outcome}
        onChange={set('outcome')}
        options={[{ value: '', label: 'Tous' }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: AUDIT_OUTCOME_LABELS[o] }))]}
      />
      <div className="audit-filters-actions">
        <button type="submit" className="primary">
          Filtrer
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(EMPTY_FILTER);
            onApply(EMPTY_FILTER);
          }}
        >
          Effacer
        </button>
      </div>
    </form>
  );
}
