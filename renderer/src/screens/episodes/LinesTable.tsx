import { useRef, useState, type FormEvent } from 'react';
import type { EpisodeLine, EpisodeView } from '../../../../shared/domain/episodes';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { focusWhenDrawn } from '../../lib/focus';
import { formatDate, formatFcfa } from '../../lib/format';
import { useCall } from '../../lib/useCall';

/** What the RAMED is billed on this line (a caesarean is recorded for its own programme). */
const billed = (l: EpisodeLine) => (l.payer === 'ramed' ? l.amount : 0);

function stateNote(line: EpisodeLine, lines: readonly EpisodeLine[]) {
  if (line.state === 'annulee') return <small className="line-note">Annulée : {line.reason}</small>;
  if (line.state === 'annulation') {
    const original = lines.find((l) => l.id === line.cancelsId);
    return (
      <small className="line-note">
        Annulation de la ligne du {formatDate(original?.performedOn ?? line.performedOn)} ({line.createdBy})
      </small>
    );
  }
  if (line.payer !== 'ramed') return <small className="line-note">Programme {line.programme ?? 'CESAR'} : non facturé au RAMED</small>;
  if (line.offListReason) return <small className="line-note">Hors liste essentielle : {line.offListReason}</small>;
  return null;
}

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
  const [target, setTarget] = useState<EpisodeLine | null>(null);
  const [reason, setReason] = useState('');
  const cancel = useCall(ramed.episodes.cancelLine);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form goes away: the focus goes to the lines' heading, above the row just added, not to the page.
  const close = () => {
    setTarget(null);
    setReason('');
    focusWhenDrawn(() => heading.current);
  };

  const columns: DataColumn<EpisodeLine>[] = [
    { key: 'performedOn', header: 'Date', value: (l) => formatDate(l.performedOn), width: '6.5rem' },
    { key: 'code', header: 'Code', value: (l) => l.code, render: (l) => <span className="mono">{l.code}</span>, width: '6.5rem' },
    {
      key: 'label',
      header: 'Acte',
      value: (l) => l.label,
      render: (l) => (
        <>
          <span className={l.state === 'annulee' ? 'struck' : l.state === 'annulation' ? 'muted' : undefined}>{l.label}</span>
          {stateNote(l, episode.lines)}
        </>
      ),
    },
    { key: 'quantity', header: 'Qté', value: (l) => l.quantity, kind: 'number', width: '4rem' },
    { key: 'unitPrice', header: 'Prix unitaire', value: (l) => l.unitPrice, kind: 'money', width: '8rem' },
    { key: 'amount', header: 'Montant RAMED', value: billed, kind: 'money', total: true, width: '9rem' },
    { key: 'prescriber', header: 'Prescripteur', value: (l) => l.prescriber, width: '10rem' },
  ];
  if (canCancel) {
    columns.push({
      key: 'action',
      header: 'Correction',
      actions: true,
      value: () => null,
      render: (l) =>
        l.state === 'active' ? (
          <button type="button" className="small-button" onClick={() => setTarget(l)} aria-label={`Annuler la ligne ${l.label}`}>
            Annuler
          </button>
        ) : null,
      width: '7rem',
    });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    const view = await cancel.run({ episodeId: episode.id, lineId: target.id, reason });
    if (!view) return;
    onChanged(view);
    close();
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
        <form
          className="cancel-line"
          noValidate
          onSubmit={confirm}
          aria-label="Annuler une ligne"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p>
            Annuler « {target.label} » du {formatDate(target.performedOn)} ({target.quantity} × {formatFcfa(target.unitPrice)}) : une ligne
            d’annulation sera ajoutée, la ligne d’origine reste visible.
          </p>
          <div className="cancel-row">
            <Field
              autoFocus
              label="Motif de l’annulation"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={cancel.error?.fields?.reason}
              placeholder="ex. Acte saisi en double"
              required
            />
            <button type="submit" className="primary" disabled={cancel.pending}>
              Confirmer l’annulation
            </button>
            <button type="button" onClick={close}>
              Garder la ligne
            </button>
          </div>
          {cancel.error && !cancel.error.fields?.reason ? <ErrorBanner error={cancel.error} /> : null}
        </form>
      ) : null}
    </section>
  );
}
