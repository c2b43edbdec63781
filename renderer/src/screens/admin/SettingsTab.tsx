import { useMemo } from 'react';
import { settingSections } from '../../../../shared/domain/settings-form';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../lib/useQuery';
import type { SectionProps } from '../../section-props';
import { FacilityForm } from './FacilityForm';
import { SettingsSectionForm } from './SettingsSectionForm';

const SECTIONS = settingSections();

/** The facility's identity and every setting, by section; each section is checked and saved on its own. */
export function SettingsTab({ info, refresh }: SectionProps) {
  const list = useQuery('settings.list', {});
  const settings = list.data;
  const byKey = useMemo(() => new Map((settings ?? []).map((s) => [s.key, s])), [settings]);

  return (
    <div className="stack">
      <FacilityForm facility={info.facility} onSaved={refresh} />
      <ErrorBanner error={list.error} />
      {settings
        ? SECTIONS.map((section) => <SettingsSectionForm key={section.title} section={section} settings={byKey} onSaved={list.setData} />)
        : null}
    </div>
  );
}
