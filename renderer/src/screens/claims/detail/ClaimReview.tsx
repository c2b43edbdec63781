import { useState } from 'react';
import type { ClaimView } from '../../../../../shared/domain/claims';
import { focusWhenDrawn } from '../../../lib/focus';
import { useCommand } from '../../../lib/useCommand';
import { CategoryTotals } from '../CategoryTotals';
import { ClaimLinesTable } from '../ClaimLinesTable';
import { ExclusionsTable } from '../ExclusionsTable';
import { FlagsTable } from '../FlagsTable';
import { MissingEpisodes } from '../MissingEpisodes';
import { ReasonForm } from '../ReasonForm';
import type { ClaimChange } from '../targets';

type Place = 'flags' | 'lines' | 'exclusions';

interface Props {
  month: string;
  view: ClaimView;
  editable: boolean;
  /** The claim as the change left it (a signed version changed becomes a new version). */
  onChanged(next: ClaimView): void;
}

/**
 * The version's checks, totals, lines, exclusions and episodes still open; an exclusion (or its
 * cancellation) asks its reason right above the table it was started from.
 */
export function ClaimReview({ month, view, editable, onChanged }: Props) {
  const [change, setChange] = useState<(ClaimChange & { from: Place }) | null>(null);
  const exclude = useCommand('claims.exclude');
  const cancel = useCommand('claims.cancelExclusion');

  async function apply(reason: string) {
    if (!change) return;
    const next =
      change.kind === 'exclude'
        ? await exclude.run({ month, episodeId: change.episodeId, ...(change.lineKey ? { lineKey: change.lineKey } : {}), reason })
        : await cancel.run({ month, exclusionId: change.exclusionId, reason });
    if (!next) return;
    setChange(null);
    onChanged(next);
    // The exclusion (or its cancellation) reads in the exclusions' table: its heading takes the focus.
    focusWhenDrawn(() => document.getElementById('claim-exclusions'));
  }

  const pending = change?.kind === 'exclude' ? exclude : cancel;
  const placeIn = (from: Place) => (c: ClaimChange) => setChange({ ...c, from });
  const reasonFor = (from: Place) =>
    change?.from === from ? (
      <ReasonForm
        key={JSON.stringify(change)}
        title={change.title}
        label={change.kind === 'exclude' ? 'Motif de l’exclusion' : 'Motif de l’annulation'}
        placeholder={change.kind === 'exclude' ? 'ex. Acte saisi en double' : 'ex. Pièce d’identité retrouvée'}
        confirm={change.kind === 'exclude' ? 'Exclure' : 'Remettre dans la réclamation'}
        pending={pending.running}
        error={pending.error}
        onSubmit={(reason) => void apply(reason)}
        onCancel={() => {
          setChange(null);
          focusWhenDrawn(() => document.getElementById(`claim-${from}`));
        }}
      />
    ) : null;

  return (
    <>
      <section className="card" aria-labelledby="claim-flags">
        <h2 id="claim-flags">Contrôles signalés ({view.flags.filter((f) => !f.resolved).length} à traiter)</h2>
        {reasonFor('flags')}
        <FlagsTable flags={view.flags} document={view.document} editable={editable} onChange={placeIn('flags')} />
      </section>

      <CategoryTotals document={view.document} />

      <section className="card" aria-labelledby="claim-lines">
        <h2 id="claim-lines">Lignes de la réclamation</h2>
        {reasonFor('lines')}
        <ClaimLinesTable document={view.document} flags={view.flags} editable={editable} onChange={placeIn('lines')} />
      </section>

      <section className="card" aria-labelledby="claim-exclusions">
        <h2 id="claim-exclusions">Exclusions ({view.exclusions.length})</h2>
        {reasonFor('exclusions')}
        <ExclusionsTable exclusions={view.exclusions} document={view.document} editable={editable} onChange={placeIn('exclusions')} />
      </section>

      <MissingEpisodes missing={view.missing} />
    </>
  );
}
