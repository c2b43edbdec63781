import { Fragment, useEffect, useRef } from 'react';
import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS, type ClaimView } from '../../../../shared/domain/claims';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatFcfa, formatMonth, formatNumber } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';

/**
 * The sign-off: the totals and the SHA-256 of exactly what is signed. Signing sends that hash back,
 * so a claim changed in the meantime is refused. Refused, with the reason, while blocking checks remain.
 */
export function SignDialog({ view, onSigned, onClose }: { view: ClaimView; onSigned(): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const sign = useCommand('claims.sign');
  const { document, summary } = view;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function confirm() {
    const signed = await sign.run({ month: summary.month, sha256: view.sha256 });
    if (signed) onSigned();
  }

  return (
    <dialog ref={ref} className="sign-dialog" aria-labelledby="sign-title" onClose={onClose} onCancel={onClose}>
      <h2 id="sign-title">
        Signer la réclamation de {formatMonth(summary.month)} — version {summary.version}
      </h2>
      <dl className="facts">
        <dt>Établissement</dt>
        <dd>
          {document.facility.name} ({document.facility.code})
        </dd>
        <dt>Épisodes</dt>
        <dd>
          {formatNumber(document.episodes.filter((e) => !e.excluded).length)} facturé(s) sur {formatNumber(document.episodes.length)}
        </dd>
        {CLAIM_CATEGORIES.filter((c) => document.totals[c] > 0).map((c) => (
          <Fragment key={c}>
            <dt>{CLAIM_CATEGORY_LABELS[c]}</dt>
            <dd>{formatFcfa(document.totals[c])}</dd>
          </Fragment>
        ))}
        <dt>Total RAMED</dt>
        <dd>
          <strong>{formatFcfa(document.total)}</strong>
        </dd>
        <dt>Empreinte SHA-256</dt>
        <dd className="mono hash" aria-label="Empreinte SHA-256">
          {view.sha256}
        </dd>
      </dl>
      {view.blocking > 0 ? (
        <p className="banner banner-error" role="alert">
          Signature impossible : {view.blocking} contrôle(s) bloquant(s) restent à traiter. Excluez les lignes ou les épisodes signalés
          (avec un motif), ou faites corriger les épisodes puis reconstruisez.
        </p>
      ) : (
        <p className="muted">
          En signant, vous figez cette version : toute modification ultérieure créera une nouvelle version qui pointera vers celle-ci.
        </p>
      )}
      <ErrorBanner error={sign.error} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={view.blocking > 0 || sign.running}>
          Signer la version {summary.version}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Fermer
        </button>
      </div>
    </dialog>
  );
}
