import { useEffect, useMemo, useState } from 'react';
import type { SettingView } from '../../../../shared/domain/settings';
import { settingSections } from '../../../../shared/domain/settings-form';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';
import type { SectionProps } from '../../section-props';
import { FacilityForm } from './FacilityForm';
import { SettingsSectionForm } from './SettingsSectionForm';

const SECTIONS = settingSections();

/** The facility's identity and every setting, by section; each section is checked and saved on its own. */
export function SettingsTab({ info, refresh }: SectionProps) {
  const [settings, setSettings] = useState<SettingView[] | null>(null);
  const list = useCall(ramed.settings.list);
  const load = list.run;
  useEffect(() => {
    void load({}).then((v) => v && setSettings(v));
  }, [load]);
  const byKey = useMemo(() => new Map((settings ?? []).map((s) => [s.key, s])), [settings]);

  return (
    <div className="stack">
      <FacilityForm facility={info.facility} onSaved={refresh} />
      <ErrorBanner error={list.error} />
      {settings
        ? SECTIONS.map((section) => <SettingsSectionForm key={section.title} section={section} settings={byKey} onSaved={setSettings} />)
        : null}
    </div>
  );
}
