import { useEffect, useState } from 'react';
import type { SettingView } from '../../../../shared/api/admin';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';

const COLUMNS: DataColumn<SettingView>[] = [
  { key: 'label', header: 'Paramètre', value: (s) => s.label },
  { key: 'key', header: 'Clé', value: (s) => s.key, render: (s) => <span className="mono small">{s.key}</span> },
  {
    key: 'value',
    header: 'Valeur',
    value: (s) => (s.value === '' ? '' : String(s.value)),
    render: (s) => <span className="mono">{s.value === '' ? <span className="muted">(vide)</span> : String(s.value)}</span>,
  },
  { key: 'default', header: 'Par défaut', value: (s) => (s.isDefault ? 'oui' : 'non') },
];

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
      <DataTable label="Paramètres" rows={settings} columns={COLUMNS} rowKey={(s) => s.key} csvName="parametres.csv" />
    </section>
  );
}
