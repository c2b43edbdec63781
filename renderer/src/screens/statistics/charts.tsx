import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format';

export interface Series {
  key: string;
  name: string;
  color: string;
}

export type ChartRow = { label: string } & Record<string, string | number | null>;

export const COLORS = {
  main: '#1d4f91',
  light: '#8fb0dc',
  ok: '#0f6b2f',
  bad: '#a4161a',
  warn: '#b87503',
  grey: '#8a929c',
};

interface BarsProps {
  /** What the chart shows, for screen readers (its table is just below or beside). */
  title: string;
  rows: readonly ChartRow[];
  series: readonly Series[];
  /** Categories along the vertical axis (long labels), or months along the horizontal one. */
  layout?: 'rows' | 'columns';
  stacked?: boolean;
  /** Width kept for the category labels in `rows` layout. */
  labelWidth?: number;
}

const axisNumber = (v: number) => formatNumber(v);

/**
 * A bar chart with French numbers: one bar per row (or a stack, or side by side per series), the
 * value written at the end of each bar when there is a single series, so that colour is never needed.
 */
export function Bars({ title, rows, series, layout = 'rows', stacked = false, labelWidth = 170 }: BarsProps) {
  if (!rows.some((r) => series.some((s) => Number(r[s.key] ?? 0) !== 0)))
    return <p className="muted chart-empty">Rien à représenter sur la période.</p>;
  const byRows = layout === 'rows';
  const height = byRows ? Math.max(90, 34 * rows.length + (series.length > 1 ? 50 : 30)) : 240;
  return (
    <figure className="chart" aria-label={`Graphique : ${title}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={[...rows]} layout={byRows ? 'vertical' : 'horizontal'} margin={{ left: 4, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={!byRows} vertical={byRows} stroke="#e2e5ea" />
          {byRows ? (
            <>
              <XAxis type="number" tickFormatter={axisNumber} allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={{ fontSize: 13 }} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" interval={0} tick={{ fontSize: 13 }} />
              <YAxis type="number" tickFormatter={axisNumber} allowDecimals={false} width={80} />
            </>
          )}
          <Tooltip formatter={(value, name) => [formatNumber(Number(value)), name]} />
          {series.length > 1 ? <Legend itemSorter={null} /> : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? 'stack' : undefined}
              maxBarSize={byRows ? 28 : 64}
              isAnimationActive={false}
            >
              {series.length === 1 ? (
                <LabelList dataKey={s.key} position={byRows ? 'right' : 'top'} formatter={(v) => formatNumber(Number(v))} />
              ) : null}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
