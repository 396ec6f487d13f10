import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInteger, formatLogTick, formatParam } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import type { Bin } from '../parameters/histogram.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

/** Fig. 2 (diagonal): a histogram; with `log` the bins are in log10 units and the ticks show the value. */
export function HistogramChart({
  bins,
  log,
  color = COLORS.fit,
}: {
  bins: readonly Bin[];
  log: boolean;
  color?: string;
}) {
  const label = (x: number) => (log ? formatLogTick(10 ** x) : formatParam(x));
  const data = bins.map((b) => ({
    mid: (b.from + b.to) / 2,
    count: b.count,
    range: `${label(b.from)}–${label(b.to)}`,
  }));
  return (
    <BarChart data={data} margin={CHART_MARGIN} responsive style={FILL_100} barCategoryGap={1}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        dataKey="mid"
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(x: number) => label(x)}
        minTickGap={16}
      />
      <YAxis tick={AXIS_TICK} stroke={COLORS.grid} width={40} allowDecimals={false} />
      <Tooltip content={chartTooltip({ label: (x) => label(Number(x)), value: (v) => formatInteger(v) })} />
      <Bar dataKey="count" name="models" fill={color} fillOpacity={0.8} isAnimationActive={false} />
    </BarChart>
  );
}
