import { useState } from 'react';
import type { AuditVerifyResult } from '../../../../../shared/domain/audit';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatNumber } from '../../../lib/format';
import { useCommand } from '../../../lib/useCommand';

/** Walks the hash chain on demand and says where it breaks, if it does. */
export function AuditIntegrity() {
  const [verification, setVerification] = useState<AuditVerifyResult | null>(null);
  const verify = useCommand('audit.verify');

  return (
    <div className="integrity">
      <p>
        Chaque opération est enregistrée et chaînée à la précédente par une empreinte (SHA-256) : toute modification ou suppression après
        coup est détectée.
      </p>
      <button type="button" onClick={() => void verify.run({}).then((v) => v && setVerification(v))} disabled={verify.running}>
        {verify.running ? 'Vérification…' : "Vérifier l'intégrité du journal"}
      </button>
      <ErrorBanner error={verify.error} />
      {verification ? (
        verification.ok ? (
          <p className="banner banner-ok" role="status">
            Journal intact : {formatNumber(verification.rows)} opération(s) vérifiée(s).
          </p>
        ) : (
          <p className="banner banner-error" role="alert">
            Journal altéré à la ligne n° {verification.brokenSeq} : {verification.reason}. Prévenez le responsable de l’établissement.
          </p>
        )
      ) : null}
    </div>
  );
}
