import { useRef } from 'react';
import type { EpisodeLine, EpisodeView } from '../../../../shared/domain/episodes';
import { CancelLineForm, cancelColumn } from '../../components/CancelLineForm';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatFcfa } from '../../lib/format';
import { useCancelTarget } from '../../lib/useCancelTarget';
import { useCommand } from '../../lib/useCommand';
import { lineColumns } from './line-columns';

/**
 * The episode's lines as recorded: a cancelled line stays, struck through, next to the line that
 * cancels it. The total is what the RAMED is billed.
 */
export function LinesTable({
  episode,
  canCancel,
  onChanged,
}: {
  episode: EpisodeView;
  canCancel: boolean;
  onChanged(view: EpisodeView): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const cancelling = useCancelTarget<EpisodeLine>(heading);
  const cancel = useCommand('episodes.cancelLine');
  const target = cancelling.target;
  const columns = lineColumns(episode.lines);
  if (canCancel) columns.push(cancelColumn<EpisodeLine>(cancelling.open, (l) => `Annuler la ligne ${l.label}`));

  async function confirm(line: EpisodeLine, reason: string) {
    const view = await cancel.run({ episodeId: episode.id, lineId: line.id, reason });
    if (!view) return;
    onChanged(view);
    cancelling.close();
  }

  return (
    <section className="card" aria-label="Prestations">
      <h2 ref={heading} tabIndex={-1}>
        Prestations
      </h2>
      <DataTable
        label="Prestations de l’épisode"
        rows={episode.lines}
        columns={columns}
        rowKey={(l) => String(l.id)}
        pageSize={50}
        empty="Aucun acte pour l’instant."
      />
      {target ? (
        <CancelLineForm
          label="Annuler une ligne"
          placeholder="ex. Acte saisi en double"
          running={cancel.running}
          error={cancel.error}
          onConfirm={(reason) => void confirm(target, reason)}
          onClose={cancelling.close}
        >
          Annuler « {target.label} » du {formatDate(target.performedOn)} ({target.quantity} × {formatFcfa(target.unitPrice)}) : une ligne
          d’annulation sera ajoutée, la ligne d’origine reste visible.
        </CancelLineForm>
      ) : null}
    </section>
  );
}
