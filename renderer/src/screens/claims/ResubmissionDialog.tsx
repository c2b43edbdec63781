import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatFcfa, formatNumber } from '../../lib/format';
import { ofMonth } from '../../../../shared/lib/months';
import { notifyOutboxChanged } from '../../lib/outbox-events';
import { RejectedEpisodes } from './detail/RejectedEpisodes';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';

/**
 * Prepares the resubmission of a version's rejected lines: which episodes are corrected, what the
 * new version would claim and its hash; signing sends that hash back (a change since is refused).
 */
export function ResubmissionDialog({
  month,
  version,
  onClose,
  onSigned,
}: {
  month: string;
  version: number;
  onClose(): void;
  onSigned(version: number): void;
}) {
  const load = useQuery('claims.previewResubmission', { month, version }, { keepPrevious: true });
  const resubmit = useCommand('claims.resubmit');
  const preview = load.data;

  async function sign() {
    if (!preview?.draft) return;
    const signed = await resubmit.run({ month, version, sha256: preview.draft.sha256 });
    if (!signed) return;
    notifyOutboxChanged();
    onSigned(signed.version);
  }

  const draft = preview?.draft;
  const warnings = draft?.flags.filter((f) => !f.resolved) ?? [];
  return (
    <Dialog title={`Resoumission ${ofMonth(month)} — version ${version}`} onClose={onClose} className="wide-dialog">
      <ErrorBanner error={load.error} />
      {preview ? (
        <div className="stack">
          <RejectedEpisodes episodes={preview.episodes} />
          {draft ? (
            <>
              <dl className="facts">
                <dt>Nouvelle version</dt>
                <dd>
                  {preview.version}, resoumission de la version {version} (seules les lignes corrigées)
                </dd>
                <dt>Épisodes</dt>
                <dd>{formatNumber(draft.document.episodes.length)}</dd>
                <dt>Total RAMED</dt>
                <dd>
                  <strong>{formatFcfa(draft.document.total)}</strong>
                </dd>
                <dt>Empreinte SHA-256</dt>
                <dd className="mono hash" aria-label="Empreinte SHA-256 de la resoumission">
                  {draft.sha256}
                </dd>
              </dl>
              {warnings.length > 0 ? (
                <p className="banner banner-warn">
                  {warnings.length} avertissement(s) : {warnings.map((f) => f.message).join(' ; ')}
                </p>
              ) : null}
            </>
          ) : (
            <p className="banner banner-warn" role="status">
              Aucun épisode corrigé pour l’instant. Pour corriger une ligne rejetée : Accueil › Épisodes, rouvrir l’épisode (avec le motif),
              annuler la ligne rejetée, saisir la bonne, puis clore l’épisode. Revenez ensuite préparer la resoumission.
            </p>
          )}
          <ErrorBanner error={resubmit.error} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void sign()} disabled={!draft || resubmit.running}>
              {draft ? `Signer la resoumission (version ${preview.version})` : 'Rien à resoumettre'}
            </button>
            <button type="button" onClick={onClose}>
              Fermer
            </button>
          </div>
        </div>
      ) : load.loading ? (
        <p className="muted">Préparation…</p>
      ) : null}
    </Dialog>
  );
}
