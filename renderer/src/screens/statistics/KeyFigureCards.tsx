import type { StatisticsReport } from '../../../../shared/domain/statistics';
import { keyFigures } from '../../../../shared/rules/statistics/key-figures';

/** The period at a glance: each figure with what it covers, or why it is not known (—). */
export function KeyFigureCards({ report }: { report: StatisticsReport }) {
  return (
    <ul className="key-figures" aria-label="Chiffres clés">
      {keyFigures(report).map((f) => (
        <li key={f.key} className="key-figure">
          <span className="key-figure-label">{f.label}</span>
          <strong className="key-figure-value">{f.value}</strong>
          <span className="key-figure-note">{f.note}</span>
        </li>
      ))}
    </ul>
  );
}
