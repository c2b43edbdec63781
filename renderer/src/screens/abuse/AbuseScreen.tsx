import { useState } from 'react';
import { controlTables, type ControlTable, type ControlTableRow } from '../../../../shared/rules/abuse-tables';
import { monthBefore } from '../../../../shared/lib/months';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/Field';
import { formatMonth, formatNumber } from '../../lib/format';
import { thisMonth } from '../../lib/today';
import { useQuery } from '../../lib/useQuery';
import type { SectionProps } from '../../section-props';
import { EpisodeList } from '../episodes/EpisodeList';
import { EpisodeScreen } from '../episodes/EpisodeScreen';
import { ControlTableCard } from './ControlTableCard';

/** How far back the month list goes; older months remain available with `ramed controls`. */
const MONTHS_BACK = 24;

function monthsUpTo(current: string): string[] {
  const months = [current];
  while (months.length < MONTHS_BACK) months.push(monthBefore(current, months.length));
  return months;
}

/**
 * « Contrôle des abus »: for a month, who comes, admits and prescribes far more than the
 * facility's median. A row opens its episodes (the episodes list narrowed to them), an episode
 * opens in full; « Retour » comes back to the tables as they were.
 */
export function AbuseScreen({ session }: SectionProps) {
  const [month, setMonth] = useState(thisMonth);
  const [chosen, setChosen] = useState<{ title: string; ids: number[] } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  // The tables of the month shown stay until those of the month chosen come.
  const call = useQuery('abuse.month', { month }, { keepPrevious: true });
  const report = call.data;

  const open = (row: ControlTableRow, table: ControlTable) =>
    setChosen({ title: `${table.title} — ${String(row.cells[0] ?? '')} (${formatMonth(month)})`, ids: row.episodeIds });

  if (openId !== null) return <EpisodeScreen episodeId={openId} roles={session.roles} onBack={() => setOpenId(null)} />;
  if (chosen) {
    return (
      <div className="stack">
        <div className="form-actions">
          <button type="button" autoFocus onClick={() => setChosen(null)}>
            ← Retour au contrôle des abus
          </button>
        </div>
        <EpisodeList ids={chosen.ids} title={chosen.title} onOpen={setOpenId} />
      </div>
    );
  }
  return (
    <div className="stack">
      <section className="card stat-toolbar" aria-label="Mois contrôlé">
        <SelectField
          label="Mois"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={call.error?.fields?.month}
          options={monthsUpTo(thisMonth()).map((m) => ({ value: m, label: formatMonth(m) }))}
        />
        <div className="stat-title">
          <h1>Contrôle des abus — {formatMonth(month)}</h1>
          <p className="muted">
            {report ? `${formatNumber(report.episodes)} épisode(s) ouvert(s) dans le mois. ` : ''}
            Ouvrez une ligne (Entrée ou clic) pour voir ses épisodes.
          </p>
        </div>
      </section>
      <ErrorBanner error={call.error} />
      {report ? controlTables(report).map((t) => <ControlTableCard key={t.key} table={t} month={report.month} onOpen={open} />) : null}
    </div>
  );
}
