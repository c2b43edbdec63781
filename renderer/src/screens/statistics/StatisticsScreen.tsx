import { useEffect, useRef, useState } from 'react';
import type { StatisticsReport } from '../../../../shared/domain/statistics';
import { statisticsTables, type StatTableKey } from '../../../../shared/rules/statistics/tables';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { downloadFile } from '../../lib/files';
import { formatDate } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { thisMonth } from '../../lib/today';
import { Dhis2Dialog } from './Dhis2Dialog';
import { KeyFigureCards } from './KeyFigureCards';
import { PeriodPicker, type PeriodKind } from './PeriodPicker';
import { StatisticsSections } from './StatisticsSections';

/** Bamako is UTC+0: the window's UTC date is the facility's. */

/**
 * The manager's dashboard for a month or a year: key figures, then each figure as a chart with its
 * table (CSV export on each), and the one-page monthly report for the district as a PDF.
 */
export function StatisticsScreen() {
  const [kind, setKind] = useState<PeriodKind>('month');
  const [month, setMonth] = useState(thisMonth);
  const [year, setYear] = useState(() => thisMonth().slice(0, 4));
  const [report, setReport] = useState<StatisticsReport | null>(null);
  const [dhis2Open, setDhis2Open] = useState(false);
  const byMonth = useCall(ramed.statistics.month);
  const byYear = useCall(ramed.statistics.year);
  const pdf = useCall(ramed.statistics.monthlyReport);
  const latest = useRef(0);
  const { run: runMonth } = byMonth;
  const { run: runYear } = byYear;

  useEffect(() => {
    const valid = kind === 'month' ? /^\d{4}-\d{2}$/.test(month) : /^\d{4}$/.test(year);
    if (!valid) return;
    // Only the answer to the last choice is shown, whatever order the answers come back in.
    const request = ++latest.current;
    const call = kind === 'month' ? runMonth({ month }) : runYear({ year: Number(year) });
    void call.then((value) => {
      if (request === latest.current) setReport(value ?? null);
    });
  }, [kind, month, year, runMonth, runYear]);

  async function downloadPdf() {
    const file = await pdf.run({ month });
    if (file) downloadFile(file);
  }

  const call = kind === 'month' ? byMonth : byYear;
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
            <button type="button" className="primary" onClick={() => void downloadPdf()} disabled={pdf.pending || !report}>
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
      ) : call.pending ? (
        <p className="muted">Calcul des statistiques…</p>
      ) : null}
      {dhis2Open ? <Dhis2Dialog month={month} onClose={() => setDhis2Open(false)} /> : null}
    </div>
  );
}
