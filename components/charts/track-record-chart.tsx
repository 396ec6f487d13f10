import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInteger } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import { countAxisProps, indexAxisProps, indexLabel, logSafe, maxOf } from './axis.ts';
import { CHART_MARGIN, COLORS, DASH_FORECAST, FILL_100 } from './chart-theme.ts';

export interface TrackRow {
  [key: string]: number | string | null;
  index: number;
  predicted: number | null;
  lo: number | null;
  hi: number | null;
  actual: number | null;
}

/** A past forecast (dashed, with its band) against what was then observed (dots). */
export function TrackRecordChart({
  rows,
  log,
  startDate,
  bandLabel,
}: {
  rows: readonly TrackRow[];
  log: boolean;
  startDate: string;
  bandLabel: string;
}) {
  const data = rows.map((r) => ({
    index: r.index,
    band: r.lo !== null && r.hi !== null ? [Math.max(r.lo, log ? 1 : 0), Math.max(r.hi, log ? 1 : 0)] : null,
    predicted: logSafe(r.predicted, log),
    actual: logSafe(r.actual, log),
  }));
  const max = maxOf(rows.flatMap((r) => [r.hi, r.actual]));
  return (
    <ComposedChart data={data} margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis {...indexAxisProps(startDate, 'month')} />
      <YAxis {...countAxisProps(max, log)} />
      <Tooltip
        content={chartTooltip({
          label: (i) => indexLabel(startDate, Number(i), 'month'),
          value: (v) => formatInteger(v),
        })}
      />
      <Area
        dataKey="band"
        name={bandLabel}
        stroke="none"
        fill={COLORS.forecast}
        fillOpacity={0.18}
        isAnimationActive={false}
      />
      <Line
        dataKey="predicted"
        name="Forecast then"
        stroke={COLORS.forecast}
        strokeWidth={2}
        strokeDasharray={DASH_FORECAST}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="actual"
        name="What happened"
        stroke={COLORS.data}
        strokeWidth={1}
        dot={{ r: 2.5, fill: COLORS.data, className: 'dot-actual' }}
        isAnimationActive={false}
        className="series-actual"
      />
    </ComposedChart>
  );
}
