import { useState } from 'react';
import type { AuditVerifyResult } from '../../../../shared/api/admin';
import { FACILITY_LEVEL_LABELS } from '../../../../shared/domain/facility';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';
import type { SectionProps } from '../../sections';

export function FacilityTab({ info }: SectionProps) {
  const [verification, setVerification] = useState<AuditVerifyResult | null>(null);
  const verify = useCall(ramed.audit.verify);

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
      <section className="card">
        <h2>Journal d'audit</h2>
        <p>Chaque opération est enregistrée et chaînée : toute modification après coup est détectée.</p>
        <button onClick={() => void verify.run({}).then((v) => v && setVerification(v))} disabled={verify.pending}>
          Vérifier l'intégrité du journal
        </button>
        <ErrorBanner error={verify.error} />
        {verification ? (
          verification.ok ? (
            <p className="banner banner-ok" role="status">
              Journal intact : {verification.rows} opération(s) vérifiée(s).
            </p>
          ) : (
            <p className="banner banner-error" role="alert">
              Journal altéré à la ligne n° {verification.brokenSeq} : {verification.reason}.
            </p>
          )
        ) : null}
      </section>
    </div>
  );
}
