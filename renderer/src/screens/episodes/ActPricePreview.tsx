import { useMemo } from 'react';
import type { EpisodeView } from '../../../../shared/domain/episodes';
import type { TariffEntry } from '../../../../shared/domain/reference';
import { priceAct } from '../../../../shared/rules/pricing';
import { isPregnant, type Programme } from '../../../../shared/rules/programmes';
import { formatFcfa } from '../../lib/format';

interface ActPricePreviewProps {
  episode: EpisodeView;
  /** The acts in force on `performedOn`, and the free-care programmes then. */
  acts: readonly TariffEntry[];
  programmes: readonly Programme[];
  act: TariffEntry | null;
  units: number;
  performedOn: string;
  /** The quantity's error, already shown under the row: not said twice. */
  quantityError: string | undefined;
}

/** The price of the act being logged, by the same pure pricing rules the server applies, and who pays it. */
export function ActPricePreview({ episode, acts, programmes, act, units, performedOn, quantityError }: ActPricePreviewProps) {
  const preview = useMemo(() => {
    if (!act || !Number.isInteger(units) || units < 1) return null;
    const already = episode.lines.filter((l) => l.kind === 'acte' && l.code === act.code).reduce((sum, l) => sum + l.quantity, 0);
    const { sex, birthDate } = episode.patient;
    const facts = { birthDate, sex, pregnant: isPregnant(episode, sex), icd10: episode.icd10 };
    return priceAct(acts, {
      code: act.code,
      date: performedOn,
      level: episode.level,
      quantity: units,
      alreadyInEpisode: already,
      coverage: { programmes, facts },
    });
  }, [act, acts, programmes, units, performedOn, episode]);
  const programmeName = (code: string | null) => programmes.find((p) => p.code === code)?.name ?? `Programme ${code ?? ''}`;

  return (
    <p className="preview" aria-live="polite">
      {preview === null ? (
        <span className="muted">Choisissez un acte : son prix s’affiche avant l’ajout.</span>
      ) : preview.ok ? (
        preview.line.payer === 'ramed' ? (
          <>
            {preview.line.quantity} × {formatFcfa(preview.line.unitPrice)} = <strong>{formatFcfa(preview.line.amount)}</strong> à la charge
            du RAMED
          </>
        ) : (
          <>
            {programmeName(preview.line.programme)} : {formatFcfa(preview.line.amount)} pris en charge par le programme de gratuité,{' '}
            <strong>non facturé au RAMED</strong>
          </>
        )
      ) : preview.message === quantityError ? null : (
        <span className="field-error">{preview.message}</span>
      )}
    </p>
  );
}
