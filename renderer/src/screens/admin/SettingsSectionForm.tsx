import { useState, type FormEvent } from 'react';
import type { SettingView } from '../../../../shared/domain/settings';
import { SETTINGS, type SettingKey } from '../../../../shared/domain/settings';
import type { SettingSection } from '../../../../shared/domain/settings-form';
import { describeZodError } from '../../../../shared/contract/validation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useCommand } from '../../lib/useCommand';
import { SettingField } from './SettingField';

interface Props {
  section: SettingSection;
  settings: ReadonlyMap<string, SettingView>;
  onSaved(settings: SettingView[]): void;
}

const shown = (s: SettingView): string | null => (s.secret ? null : String(s.value));

/** One section of settings, saved at once: checked here with the same rules as the back end, then saved. */
export function SettingsSectionForm({ section, settings, onSaved }: Props) {
  const initial = () => Object.fromEntries(section.keys.map((key) => [key, settings.get(key) ? shown(settings.get(key)!) : null]));
  const [drafts, setDrafts] = useState<Record<string, string | null>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const update = useCommand('settings.update');

  const changed = section.keys.filter((key) => {
    const setting = settings.get(key);
    return setting && drafts[key] !== null && drafts[key] !== shown(setting);
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    for (const key of changed) {
      const result = SETTINGS[key as SettingKey].schema.safeParse(drafts[key]);
      if (!result.success) found[key] = describeZodError(result.error).fields._ ?? result.error.issues[0]!.message;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return update.reset();
    const result = await update.run({ values: Object.fromEntries(changed.map((key) => [key, drafts[key]])) });
    if (!result) return;
    onSaved(result);
    const views = new Map(result.map((s) => [s.key, s]));
    setDrafts(Object.fromEntries(section.keys.map((key) => [key, views.get(key) ? shown(views.get(key)!) : null])));
    setSaved(true);
  }

  // The back end checks again: its refusal names the fields too.
  const fieldErrors = { ...update.error?.fields, ...errors };
  const headingId = `section-${section.keys[0]}`;
  return (
    <form className="card" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId}>{section.title}</h2>
      {section.description ? <p className="muted section-intro">{section.description}</p> : null}
      <div className="grid-2">
        {section.keys.map((key) => {
          const setting = settings.get(key);
          return setting ? (
            <SettingField
              key={key}
              setting={setting}
              draft={drafts[key] ?? null}
              error={fieldErrors[key]}
              onChange={(draft) => {
                setDrafts((d) => ({ ...d, [key]: draft }));
                setSaved(false);
              }}
            />
          ) : null;
        })}
      </div>
      {update.error && !update.error.fields ? <ErrorBanner error={update.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={changed.length === 0 || update.running}>
          {update.running ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        {saved ? (
          <span className="saved" role="status">
            Enregistré.
          </span>
        ) : changed.length > 0 ? (
          <span className="muted">{changed.length} modification(s) non enregistrée(s)</span>
        ) : null}
      </div>
    </form>
  );
}
