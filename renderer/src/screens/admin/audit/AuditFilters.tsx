import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../../../shared/api/index';
import {
  AUDIT_OUTCOME_LABELS,
  AUDIT_OUTCOMES,
  auditEntityLabel,
  auditMethodLabel,
  type AuditFilter,
} from '../../../../../shared/domain/audit';
import { Field, SelectField } from '../../../components/Field';
import { ramed } from '../../../lib/bridge';
import { parseFrenchDate } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';

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
  // Dates are typed the French way and read on submit: the browser's date field follows the
  // system's language, which may not be French.
  const [form, setForm] = useState({ ...applied, from: isoToText(applied.from), to: isoToText(applied.to) });
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const [logins, setLogins] = useState<string[]>([]);
  useEffect(() => {
    void ramed.users.list({}).then((r) => r.ok && setLogins(r.value.map((u) => u.login)));
  }, []);
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = parseFrenchDate(form.from);
    const to = parseFrenchDate(form.to);
    const errors: Record<string, string> = {};
    if (from === null) errors.from = 'Date attendue : jj/mm/aaaa';
    if (to === null) errors.to = 'Date attendue : jj/mm/aaaa';
    setDateErrors(errors);
    if (from !== null && to !== null) onApply({ ...form, from, to });
  }

  return (
    <form className="audit-filters" onSubmit={submit} aria-label="Filtres du journal">
      <Field label="Utilisateur" value={form.login} onChange={set('login')} list="audit-logins" autoComplete="off" error={errors.login} />
      <datalist id="audit-logins">
        {logins.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <Field label="Du" value={form.from} onChange={set('from')} placeholder="jj/mm/aaaa" error={dateErrors.from ?? errors.from} />
      <Field label="Au" value={form.to} onChange={set('to')} placeholder="jj/mm/aaaa" error={dateErrors.to ?? errors.to} />
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
            setDateErrors({});
            onApply(EMPTY_FILTER);
          }}
        >
          Effacer
        </button>
      </div>
    </form>
  );
}

const isoToText = (iso: string) => (iso ? formatDate(iso) : '');
