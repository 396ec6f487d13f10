import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatInteger, formatMonth, formatMonthShort } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100, seriesColor } from './chart-theme.ts';

/** Fig. 1: counts per month stacked by group (e.g. the base model's creation year). */
export function StackedBarsChart({
  rows,
  groups,
}: {
  rows: readonly Record<string, string | number>[];
  groups: readonly string[];
}) {
  return (
    <BarChart
      data={rows as Record<string, string | number>[]}
      margin={CHART_MARGIN}
      responsive
      style={FILL_100}
      barCategoryGap={1}
    >
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        dataKey="month"
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(m: string) => formatMonthShort(m)}
        minTickGap={20}
      />
      <YAxis tick={AXIS_TICK} stroke={COLORS.grid} tickFormatter={(v: number) => formatCount(v)} width={48} />
      <Tooltip
        content={chartTooltip({ label: (m) => formatMonth(String(m)), value: (v) => formatInteger(v) })}
      />
      {groups.map((g, i) => (
        <Bar
          key={g}
          dataKey={g}
          name={`Base models of ${g}`}
          stackId="a"
          fill={seriesColor(i)}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
