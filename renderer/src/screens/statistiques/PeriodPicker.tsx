import { Field } from '../../components/Field';

export type PeriodKind = 'month' | 'year';

interface PeriodPickerProps {
  kind: PeriodKind;
  month: string;
  year: string;
  /** The current month (YYYY-MM): no later one can be chosen. */
  maxMonth: string;
  errors: { month?: string | undefined; year?: string | undefined };
  onKind(kind: PeriodKind): void;
  onMonth(month: string): void;
  onYear(year: string): void;
}

/** Month or year, then which one: the dashboard follows at once. */
export function PeriodPicker({ kind, month, year, maxMonth, errors, onKind, onMonth, onYear }: PeriodPickerProps) {
  return (
    <div className="period-picker">
      <div className="field">
        <span className="field-label" id="period-kind">
          Période
        </span>
        <div className="segmented" role="group" aria-labelledby="period-kind">
          <button type="button" aria-pressed={kind === 'month'} onClick={() => onKind('month')}>
            Mois
          </button>
          <button type="button" aria-pressed={kind === 'year'} onClick={() => onKind('year')}>
            Année
          </button>
        </div>
      </div>
      {kind === 'month' ? (
        <Field label="Mois" type="month" value={month} max={maxMonth} onChange={(e) => onMonth(e.target.value)} error={errors.month} />
      ) : (
        <Field
          label="Année"
          type="number"
          inputMode="numeric"
          min={2000}
          max={Number(maxMonth.slice(0, 4))}
          value={year}
          onChange={(e) => onYear(e.target.value)}
          error={errors.year}
        />
      )}
    </div>
  );
}
