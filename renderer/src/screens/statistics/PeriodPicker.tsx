import { SelectField } from '../../components/Field';
import { formatMonth } from '../../lib/format';

export type PeriodKind = 'month' | 'year';

/** How far back the picker goes; older periods remain available with `ramed stats`. */
const MONTHS_BACK = 36;
const YEARS_BACK = 10;

interface PeriodPickerProps {
  kind: PeriodKind;
  month: string;
  year: string;
  /** The current month (YYYY-MM): the newest one offered. */
  current: string;
  errors: { month?: string | undefined; year?: string | undefined };
  onKind(kind: PeriodKind): void;
  onMonth(month: string): void;
  onYear(year: string): void;
}

function monthsUpTo(current: string): Array<{ value: string; label: string }> {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_BACK }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    const value = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    return { value, label: formatMonth(value) };
  });
}

/** Month or year, then which one (in French, newest first): the dashboard follows at once. */
export function PeriodPicker({ kind, month, year, current, errors, onKind, onMonth, onYear }: PeriodPickerProps) {
  const thisYear = Number(current.slice(0, 4));
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
        <SelectField
          label="Mois"
          value={month}
          options={monthsUpTo(current)}
          onChange={(e) => onMonth(e.target.value)}
          error={errors.month}
        />
      ) : (
        <SelectField
          label="Année"
          value={year}
          options={Array.from({ length: YEARS_BACK }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }))}
          onChange={(e) => onYear(e.target.value)}
          error={errors.year}
        />
      )}
    </div>
  );
}
