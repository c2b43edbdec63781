import { FACILITY_LEVEL_LABELS } from '../../../../shared/domain/facility';
import type { SectionProps } from '../../section-props';
import { OnboardingChecklist } from './OnboardingChecklist';

export function FacilityTab({ info }: SectionProps) {
  return (
    <div className="stack">
      <section className="card">
        <h2>Établissement</h2>
        {info.facility ? (
          <dl className="facts">
            <dt>Nom</dt>
            <dd>{info.facility.name}</dd>
            <dt>Code</dt>
            <dd>{info.facility.code}</dd>
            <dt>Niveau</dt>
            <dd>{FACILITY_LEVEL_LABELS[info.facility.level]}</dd>
            <dt>Localisation</dt>
            <dd>{[info.facility.commune, info.facility.cercle, info.facility.region].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Base de données</dt>
            <dd className="mono">{info.database.label}</dd>
          </dl>
        ) : null}
      </section>
      {info.facility ? <OnboardingChecklist /> : null}
    </div>
  );
}
