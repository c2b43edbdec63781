import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS, type ClaimCategory, type ClaimDocument } from '../../../../shared/domain/claims';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatFcfa, formatNumber } from '../../lib/format';

interface Row {
  category: ClaimCategory;
  label: string;
  amount: number;
  episodes: number;
}

const COLUMNS: DataColumn<Row>[] = [
  { key: 'label', header: 'Catégorie', value: (r) => r.label },
  { key: 'episodes', header: 'Épisodes', value: (r) => r.episodes, kind: 'number', width: '6rem' },
  { key: 'amount', header: 'Montant RAMED', value: (r) => r.amount, kind: 'money', total: true, width: '10rem' },
];

/** The month's RAMED amounts by category: a bar chart and, next to it, the same figures as a table. */
export function CategoryTotals({ document }: { document: ClaimDocument }) {
  const rows: Row[] = CLAIM_CATEGORIES.map((category) => ({
    category,
    label: CLAIM_CATEGORY_LABELS[category],
    amount: document.totals[category],
    episodes: document.episodes.filter((e) => !e.excluded && e.totals[category] > 0).length,
  }));
  const shown = rows.filter((r) => r.amount > 0);
  return (
    <section className="card" aria-labelledby="claim-categories">
      <h2 id="claim-categories">Montants par catégorie</h2>
      <div className="chart-and-table">
        <figure className="chart" aria-label="Graphique des montants par catégorie">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={shown} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} stroke="#e2e5ea" />
              <XAxis type="number" tickFormatter={(v: number) => formatNumber(v)} />
              <YAxis type="category" dataKey="label" width={110} />
              <Tooltip formatter={(v) => [formatFcfa(Number(v)), 'Montant RAMED']} />
              <Bar dataKey="amount" fill="#1d4f91" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <DataTable
          label="Montants par catégorie"
          rows={shown}
          columns={COLUMNS}
          rowKey={(r) => r.category}
          empty="Aucun montant facturé."
        />
      </div>
      {document.programmeTotal > 0 ? (
        <p className="muted small">
          Enregistré pour les programmes de gratuité (césarienne, paludisme…), non facturé au RAMED : {formatFcfa(document.programmeTotal)}.
        </p>
      ) : null}
    </section>
  );
}
