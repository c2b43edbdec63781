import { useId } from 'react';
import type { SettingView } from '../../../../shared/domain/settings';
import { SETTINGS, type SettingKey } from '../../../../shared/domain/settings';
import { SETTING_CHOICES, settingInput } from '../../../../shared/domain/settings-form';
import { formatNumber } from '../../lib/format';

interface Props {
  setting: SettingView;
  /** The text being typed; null for a secret that is not being replaced. */
  draft: string | null;
  error?: string | undefined;
  onChange(draft: string | null): void;
}

function defaultText(key: SettingKey): string {
  const value = SETTINGS[key].default;
  if (value === '') return 'vide';
  if (typeof value === 'number') return formatNumber(value);
  return SETTING_CHOICES[key]?.[String(value)] ?? String(value);
}

/**
 * One setting in the form: a list, a number or a text; a secret is never shown back, only
 * whether it is set, with a way to replace it.
 */
export function SettingField({ setting, draft, error, onChange }: Props) {
  const id = useId();
  const key = setting.key as SettingKey;
  const kind = settingInput(key);
  const described = error ? `${id}-error` : `${id}-hint`;
  const common = { id, 'aria-invalid': Boolean(error), 'aria-describedby': described };

  let control;
  if (kind === 'secret') {
    const isSet = setting.value !== '';
    control =
      draft === null ? (
        <div className="secret-state">
          <span className={isSet ? 'badge badge-ok' : 'badge'} id={id}>
            {isSet ? 'Défini' : 'Non défini'}
          </span>
          <button type="button" onClick={() => onChange('')} aria-describedby={id}>
            {isSet ? 'Remplacer…' : 'Définir…'}
          </button>
        </div>
      ) : (
        <div className="secret-state">
          <input {...common} type="password" autoComplete="off" value={draft} onChange={(e) => onChange(e.target.value)} autoFocus />
          <button type="button" onClick={() => onChange(null)}>
            Annuler
          </button>
        </div>
      );
  } else if (kind === 'choice') {
    const choices = SETTING_CHOICES[key] ?? {};
    control = (
      <select {...common} value={draft ?? ''} onChange={(e) => onChange(e.target.value)}>
        {Object.entries(choices).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'json') {
    control = (
      <textarea
        {...common}
        className="input-json"
        rows={6}
        value={draft ?? ''}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
      />
    );
  } else {
    control = (
      <input
        {...common}
        inputMode={kind === 'number' ? 'numeric' : undefined}
        className={kind === 'number' ? 'input-number' : undefined}
        value={draft ?? ''}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
      />
    );
  }

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{setting.label}</label>
      {control}
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : (
        <small id={`${id}-hint`} className="muted">
          {kind === 'secret' && draft !== null ? 'Laissez vide pour effacer. ' : ''}Par défaut : {defaultText(key)}
        </small>
      )}
    </div>
  );
}
