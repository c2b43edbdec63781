import { useState, type FormEvent } from 'react';
import { CLAIM_STATUS_LABELS } from '../../../../shared/domain/claims';
import type { EpisodeView } from '../../../../shared/domain/episodes';
import { ofMonth } from '../../../../shared/lib/months';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useCommand } from '../../lib/useCommand';

const MIN_REASON = 3;

/** The manager reopens a closed episode with a reason, kept in its history and the audit. */
export function ReopenPanel({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [reason, setReason] = useState('');
  const reopen = useCommand('episodes.reopen');
  // Nothing to refuse before the manager has written a reason: the button waits for one.
  const ready = reason.trim().length >= MIN_REASON;
  const signed = episode.claimedIn.at(-1);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const view = await reopen.run({ episodeId: episode.id, reason });
    if (view) onChanged(view);
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Rouvrir l’épisode">
      <h2>Rouvrir l’épisode</h2>
      {signed ? (
        <p className="banner banner-warn" role="note">
          Cet épisode figure dans la réclamation {ofMonth(signed.month)}, version {signed.version} (
          {CLAIM_STATUS_LABELS[signed.status].toLowerCase()}). Le rouvrir ne change pas cette version signée : une correction ne partira à
          l’ANAM que par une nouvelle version de la réclamation (section Réclamations).
        </p>
      ) : null}
      <Field
        label="Motif de la réouverture"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reopen.error?.fields?.reason}
        hint={`${MIN_REASON} caractères au moins ; il reste dans l’historique de l’épisode.`}
        placeholder="ex. Radiographie oubliée"
        required
      />
      {reopen.error && !reopen.error.fields?.reason ? <ErrorBanner error={reopen.error} /> : null}
      <button type="submit" className="primary" disabled={reopen.running || !ready}>
        Rouvrir l’épisode
      </button>
    </form>
  );
}
