import { useState, type FormEvent } from 'react';
import {
  FACILITY_LEVEL_LABELS,
  FACILITY_LEVELS,
  facilityInput,
  type Facility,
  type FacilityLevel,
} from '../../../../shared/domain/facility';
import { describeZodError } from '../../../../shared/contract/validation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { useCommand } from '../../lib/useCommand';

const LEVEL_OPTIONS = FACILITY_LEVELS.map((level) => ({ value: level, label: FACILITY_LEVEL_LABELS[level] }));

/** The facility's identity and level, as printed on slips, claims and backups. */
const formOf = (facility: Facility | null) => ({
  code: facility?.code ?? '',
  name: facility?.name ?? '',
  level: facility?.level ?? ('cscom' as FacilityLevel),
  region: facility?.region ?? '',
  cercle: facility?.cercle ?? '',
  commune: facility?.commune ?? '',
});

export function FacilityForm({ facility, onSaved }: { facility: Facility | null; onSaved(): void }) {
  const [form, setForm] = useState(() => formOf(facility));
  const changed = JSON.stringify(form) !== JSON.stringify(formOf(facility));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const update = useCommand('facility.update');
  const fieldErrors = { ...update.error?.fields, ...errors };
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [field]: e.target.value });
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = facilityInput.safeParse(form);
    setErrors(parsed.success ? {} : describeZodError(parsed.error).fields);
    if (!parsed.success) return update.reset();
    const result = await update.run(form);
    if (result) {
      setForm(formOf(result));
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="section-facility" noValidate>
      <h2 id="section-facility">Établissement</h2>
      <p className="muted section-intro">
        Le nom et le code figurent sur les fiches d’admission, les réclamations et les noms des sauvegardes : ne changez le code que s’il
        est faux.
      </p>
      <div className="grid-3">
        <Field label="Code de l'établissement" value={form.code} onChange={set('code')} error={fieldErrors.code} />
        <Field label="Nom de l'établissement" value={form.name} onChange={set('name')} error={fieldErrors.name} />
        <SelectField label="Niveau" value={form.level} onChange={set('level')} options={LEVEL_OPTIONS} error={fieldErrors.level} />
        <Field label="Région" value={form.region} onChange={set('region')} error={fieldErrors.region} />
        <Field label="Cercle" value={form.cercle} onChange={set('cercle')} error={fieldErrors.cercle} />
        <Field label="Commune" value={form.commune} onChange={set('commune')} error={fieldErrors.commune} />
      </div>
      {update.error && !update.error.fields ? <ErrorBanner error={update.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!changed || update.running}>
          {update.running ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        {saved ? (
          <span className="saved" role="status">
            Enregistré.
          </span>
        ) : null}
      </div>
    </form>
  );
}
