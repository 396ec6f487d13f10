import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInteger } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import { countAxisProps, logSafe, maxOf } from './axis.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

export interface FanRow {
  [key: string]: number | null;
  age: number;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  value: number | null;
}

/** A cohort fan: peers' interquartile band and median by age, with one model's curve on top. */
export function FanChart({
  rows,
  log,
  modelLabel,
  age,
}: {
  rows: readonly FanRow[];
  log: boolean;
  modelLabel: string;
  age: number | null;
}) {
  const data = rows.map((r) => ({
    age: r.age,
    iqr:
      r.p25 !== null && r.p75 !== null ? [Math.max(r.p25, log ? 1 : 0), Math.max(r.p75, log ? 1 : 0)] : null,
    p50: logSafe(r.p50, log),
    value: logSafe(r.value, log),
  }));
  const max = maxOf(rows.flatMap((r) => [r.p75, r.value]));
  return (
    <ComposedChart data={data} margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        allowDecimals={false}
        dataKey="age"
        type="number"
        domain={['dataMin', 'dataMax']}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(v: number) => `${v} mo`}
      />
      <YAxis {...countAxisProps(max, log)} />
      <Tooltip
        content={chartTooltip({
          label: (a) => `${String(a)} months after release`,
          value: (v) => formatInteger(v),
        })}
      />
      <Area
        dataKey="iqr"
        name="Peers, 25th–75th percentile"
        stroke="none"
        fill={COLORS.cohort}
        fillOpacity={0.25}
        isAnimationActive={false}
      />
      <Line
        dataKey="p50"
        name="Peers, median"
        stroke={COLORS.cohort}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        connectNulls
      />
      <Line
        dataKey="value"
        name={modelLabel}
        stroke={COLORS.fit}
        strokeWidth={2.5}
        dot={{ r: 2.5, fill: COLORS.fit, className: 'dot-model' }}
        isAnimationActive={false}
        className="series-model"
      />
      {age !== null && <ReferenceLine x={age} stroke={COLORS.axis} strokeDasharray="3 3" />}
    </ComposedChart>
  );
}
