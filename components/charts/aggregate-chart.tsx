import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInteger } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import { countAxisProps, logSafe, maxOf } from './axis.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

/** One aggregate cumulative curve (an organisation's total) over a numeric or calendar axis. */
export function AggregateChart({
  rows,
  xKey,
  log,
  xFormat,
  name,
}: {
  rows: readonly Record<string, string | number>[];
  xKey: string;
  log: boolean;
  xFormat: (x: string | number) => string;
  name: string;
}) {
  const data = rows.map((r) => ({ ...r, total: logSafe(Number(r.total), log) }));
  const max = maxOf(rows.map((r) => Number(r.total)));
  return (
    <AreaChart data={data} margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis dataKey={xKey} tick={AXIS_TICK} stroke={COLORS.grid} tickFormatter={xFormat} minTickGap={20} />
      <YAxis {...countAxisProps(max, log)} />
      <Tooltip
        content={chartTooltip({
          label: (x) => xFormat(x as string | number),
          value: (v) => formatInteger(v),
        })}
      />
      <Area
        dataKey="total"
        name={name}
        stroke={COLORS.fit}
        fill={COLORS.fit}
        fillOpacity={0.12}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </AreaChart>
  );
}
