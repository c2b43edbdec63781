import { useState, type FormEvent } from 'react';
import type { EpisodeView } from '../../../../shared/domain/episodes';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';

/** The manager reopens a closed episode with a reason, kept in its history and the audit. */
export function ReopenPanel({ episode, onChanged }: { episode: EpisodeView; onChanged(view: EpisodeView): void }) {
  const [reason, setReason] = useState('');
  const reopen = useCall(ramed.episodes.reopen);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const view = await reopen.run({ episodeId: episode.id, reason });
    if (view) onChanged(view);
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Rouvrir l’épisode">
      <h2>Rouvrir l’épisode</h2>
      <Field
        label="Motif de la réouverture"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reopen.error?.fields?.reason}
        placeholder="ex. Radiographie oubliée"
        required
      />
      {reopen.error && !reopen.error.fields?.reason ? <ErrorBanner error={reopen.error} /> : null}
      <button type="submit" className="primary" disabled={reopen.pending}>
        Rouvrir l’épisode
      </button>
    </form>
  );
}
