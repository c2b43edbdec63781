import { useState } from 'react';
import { statisticsTables, type StatTableKey } from '../../../../shared/rules/statistics/tables';
import { ErrorBanner } from '../../components/ErrorBanner';
import { downloadFile } from '../../lib/files';
import { formatDate } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { thisMonth } from '../../lib/today';
import { Dhis2Dialog } from './Dhis2Dialog';
import { KeyFigureCards } from './KeyFigureCards';
import { PeriodPicker, type PeriodKind } from './PeriodPicker';
import { StatisticsSections } from './StatisticsSections';

const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

/**
 * The manager's dashboard for a month or a year: key figures, then each figure as a chart with its
 * table (CSV export on each), and the one-page monthly report for the district as a PDF.
 */
export function StatisticsScreen() {
  const [kind, setKind] = useState<PeriodKind>('month');
  const [month, setMonth] = useState(thisMonth);
  const [year, setYear] = useState(() => thisMonth().slice(0, 4));
  const [dhis2Open, setDhis2Open] = useState(false);
  // The report shown stays until the new choice answers: the other period's hook keeps its data while off.
  const byMonth = useQuery('statistics.month', { month }, { enabled: kind === 'month' && MONTH.test(month), keepPrevious: true });
  const byYear = useQuery('statistics.year', { year: Number(year) }, { enabled: kind === 'year' && YEAR.test(year), keepPrevious: true });
  const pdf = useCommand('statistics.monthlyReport');

  async function downloadPdf() {
    const file = await pdf.run({ month });
    if (file) downloadFile(file);
  }

  const [call, other] = kind === 'month' ? [byMonth, byYear] : [byYear, byMonth];
  const report = call.data ?? (call.error ? null : other.data);
  const tables = new Map(report ? statisticsTables(report).map((t) => [t.key as StatTableKey, t]) : []);
  return (
    <div className="stack statistics">
      <section className="card stat-toolbar" aria-label="Période">
        <PeriodPicker
          kind={kind}
          month={month}
          year={year}
          current={thisMonth()}
          errors={{ month: byMonth.error?.fields?.month, year: byYear.error?.fields?.year }}
          onKind={setKind}
          onMonth={setMonth}
          onYear={setYear}
        />
        <div className="stat-title">
          <h1>{report ? `Statistiques RAMED — ${report.label}` : 'Statistiques RAMED'}</h1>
          {report ? (
            <p className="muted">
              {report.facility ? `${report.facility.name} (${report.facility.code})` : 'Établissement non configuré'}
              {report.running ? ` · période en cours, comptée jusqu’au ${formatDate(report.through)}` : ''}
            </p>
          ) : null}
        </div>
        {kind === 'month' ? (
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void downloadPdf()} disabled={pdf.running || !report}>
              Rapport mensuel (PDF)
            </button>
            <button
              type="button"
              onClick={() => setDhis2Open(true)}
              disabled={!report || report.running}
              title={report?.running ? 'Le DHIS2 reçoit les chiffres d’un mois terminé' : undefined}
            >
              Envoyer au DHIS2…
            </button>
          </div>
        ) : null}
      </section>
      <ErrorBanner error={call.error && !call.error.fields ? call.error : (pdf.error ?? null)} />
      {report ? (
        <>
          <KeyFigureCards report={report} />
          <StatisticsSections report={report} tables={tables} />
        </>
      ) : call.loading ? (
        <p className="muted">Calcul des statistiques…</p>
      ) : null}
      {dhis2Open ? <Dhis2Dialog month={month} onClose={() => setDhis2Open(false)} /> : null}
    </div>
  );
}
