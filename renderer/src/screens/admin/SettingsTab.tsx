import { useEffect, useState } from 'react';
import type { SettingView } from '../../../../shared/api/admin';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';

export function SettingsTab() {
  const [settings, setSettings] = useState<SettingView[]>([]);
  const list = useCall(ramed.settings.list);
  const loadSettings = list.run;
  useEffect(() => {
    void loadSettings({}).then((v) => v && setSettings(v));
  }, [loadSettings]);

  return (
    <section className="card">
      <h2>Paramètres</h2>
      <ErrorBanner error={list.error} />
      <table className="simple">
        <thead>
          <tr>
            <th>Paramètre</th>
            <th>Valeur</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => (
            <tr key={s.key}>
              <td>
                {s.label}
                <br />
                <small className="muted mono">{s.key}</small>
              </td>
              <td className="mono">{s.value === '' ? <span className="muted">(vide)</span> : String(s.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
