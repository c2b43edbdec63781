import type { FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import type { EpisodePharmacy } from '../../../../shared/domain/pharmacy';
import { Field } from '../../components/Field';
import { formatDate } from '../../lib/format';

interface EpisodeLookupProps {
  reference: string;
  searching: boolean;
  error: ApiError | null;
  /** The episodes the last search found (null before any, or while one runs). */
  found: readonly EpisodePharmacy['episode'][] | null;
  /** No episode open yet: the episodes found are offered to choose from. */
  choosing: boolean;
  onReference(reference: string): void;
  onSearch(event: FormEvent): void;
  onChoose(episodeId: number): void;
}

/** The récépissé or episode number, typed or scanned; several episodes found are offered as buttons. */
export function EpisodeLookup({ reference, searching, error, found, choosing, onReference, onSearch, onChoose }: EpisodeLookupProps) {
  return (
    <form className="card" onSubmit={onSearch} noValidate aria-label="Rechercher un épisode">
      <div className="lookup-line">
        <Field
          autoFocus
          label="Récépissé ou numéro d’épisode"
          value={reference}
          onChange={(e) => onReference(e.target.value)}
          error={error?.fields?.reference ?? (error ? error.message : undefined)}
          placeholder="Saisissez ou scannez"
        />
        <button type="submit" className="primary" disabled={searching}>
          Rechercher
        </button>
      </div>
      {found && found.length === 0 ? <p className="muted">Aucun épisode pour « {reference} ».</p> : null}
      {found && found.length > 0 && choosing ? (
        <ul className="episode-choices">
          {found.map((e) => (
            <li key={e.id}>
              <button type="button" disabled={!e.dispensable} onClick={() => onChoose(e.id)}>
                {e.number} — {e.patient} — ouvert le {formatDate(e.openedAt)} {e.dispensable ? '' : '(clos : plus de dispensation)'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
