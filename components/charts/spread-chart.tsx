import { Bar, CartesianGrid, ComposedChart, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatLogTick, formatParam } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

export interface SpreadRow {
  [key: string]: string | number | null | number[];
  org: string;
  iqr: number[] | null;
  median: number | null;
}

/** Interquartile range (bar) and median (dot) of one parameter per organisation. */
export function SpreadChart({ rows, label }: { rows: readonly SpreadRow[]; label: string }) {
  return (
    <ComposedChart
      data={rows as SpreadRow[]}
      layout="vertical"
      margin={{ ...CHART_MARGIN, left: 8 }}
      responsive
      style={FILL_100}
    >
      <CartesianGrid stroke={COLORS.grid} horizontal={false} />
      <XAxis
        type="number"
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(v: number) => formatLogTick(v)}
      />
      <YAxis type="category" dataKey="org" tick={AXIS_TICK} stroke={COLORS.grid} width={96} interval={0} />
      <Tooltip content={chartTooltip({ label: (o) => String(o), value: (v) => formatParam(v) })} />
      <Bar
        dataKey="iqr"
        name={`${label}, 25th–75th percentile`}
        fill={COLORS.fit}
        fillOpacity={0.3}
        isAnimationActive={false}
        barSize={12}
      />
      <Scatter dataKey="median" name={`${label}, median`} fill={COLORS.fit} isAnimationActive={false} />
    </ComposedChart>
  );
}
