import { useState } from 'react';
import type { UnmetReportRow } from '../../../../shared/domain/pharmacy';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { MonthField } from '../../components/MonthField';
import { formatMonth } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import { thisMonth } from '../../lib/today';

const COLUMNS: readonly DataColumn<UnmetReportRow>[] = [
  { key: 'dci', header: 'DCI', value: (r) => `${r.dci} ${r.form} ${r.strength}` },
  { key: 'requests', header: 'Demandes non satisfaites', value: (r) => r.requests, kind: 'number', total: true },
  { key: 'units', header: 'Unités manquantes', value: (r) => r.unmetUnits, kind: 'number' }, // units of different kinds: no total
  {
    key: 'days',
    header: 'Jours de rupture',
    value: (r) => r.daysOutOfStock,
    kind: 'number',
    render: (r) => `${r.daysOutOfStock} / ${r.daysInPeriod}`,
  },
];

const NONE: UnmetReportRow[] = [];

/** Per medicine and month: unmet demand, and days out of stock (no usable unit left at the day's end). */
export function UnmetReportTab() {
  const [month, setMonth] = useState(thisMonth);
  // The rows stay while another month loads.
  const report = useQuery('pharmacy.unmetReport', { month }, { enabled: /^\d{4}-\d{2}$/.test(month), keepPrevious: true });
  const rows = report.data ?? NONE;
  return (
    <div className="pharmacy">
      <div className="toolbar">
        <MonthField label="Mois" value={month} onChange={setMonth} error={report.error?.fields?.month} />
      </div>
      <ErrorBanner error={report.error && !report.error.fields ? report.error : null} />
      <DataTable
        label={`Ruptures et demande non satisfaite — ${formatMonth(month)}`}
        rows={rows}
        columns={COLUMNS}
        rowKey={(r) => r.medicineCode}
        csvName={`demande-non-satisfaite-${month}`}
        empty="Ni rupture ni demande non satisfaite ce mois-ci."
      />
      <p className="muted">
        Un jour de rupture est un jour à la fin duquel il ne reste aucune unité utilisable (lots non périmés) du médicament. Un lot est
        périmé à partir de sa date de péremption.
      </p>
    </div>
  );
}
