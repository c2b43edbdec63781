import { useId, type ReactNode } from 'react';
import type { StatTable } from '../../../../shared/rules/statistics/tables';
import { StatDataTable } from './StatDataTable';

interface StatSectionProps {
  table: StatTable;
  reportKey: string;
  chart: ReactNode;
  /** `side`: chart and table side by side (narrow tables); `stacked`: the chart above a wide table. */
  layout?: 'side' | 'stacked';
  note?: ReactNode;
}

/** One figure of the dashboard: its chart and, always, the same figures as a table. */
export function StatSection({ table, reportKey, chart, layout = 'side', note }: StatSectionProps) {
  const id = useId();
  return (
    <section className="card stat-section" aria-labelledby={id}>
      <h2 id={id}>{table.title}</h2>
      <div className={layout === 'side' ? 'chart-and-table' : 'chart-over-table'}>
        {chart}
        <StatDataTable table={table} reportKey={reportKey} />
      </div>
      {note ? <p className="muted small stat-note">{note}</p> : null}
    </section>
  );
}
