import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatInteger } from '@/lib/format.ts';
import { chartTooltip } from '../chart/chart-tooltip.tsx';
import type { GrowthRow } from '../model/growth-rows.ts';
import { countAxisProps, indexAxisProps, indexLabel, logSafe, maxOf } from './axis.ts';
import { CHART_MARGIN, COLORS, DASH_FORECAST, DASH_PAPER, FILL_100 } from './chart-theme.ts';

export interface GrowthChartProps {
  rows: readonly GrowthRow[];
  mode: 'cum' | 'new';
  log: boolean;
  granularity: 'month' | 'day';
  startDate: string;
  /** Index of the last point the fit saw; drawn as a vertical rule when the forecast is frozen (asof). */
  asOfIndex: number | null;
  asOfLabel: string | null;
  partialIndex: number | null;
  bandLabel: string;
}

/** Fig. 5 / Figs. 9–10: observed counts (dots), the fitted curve, the dashed forecast and its labelled band. */
// New derivatives per month: observed, the running (incomplete) month, and those after an as-of date.
const NEW_BARS = [
  { dataKey: 'actual', name: 'New (observed)', fill: COLORS.data, fillOpacity: 0.75 },
  { dataKey: 'partial', name: 'New (incomplete)', fill: COLORS.data, fillOpacity: 0.3 },
  { dataKey: 'after', name: 'New since as-of', fill: COLORS.after, fillOpacity: 0.6 },
] as const;

export function GrowthChart({
  rows,
  mode,
  log,
  granularity,
  startDate,
  asOfIndex,
  asOfLabel,
  partialIndex,
  bandLabel,
}: GrowthChartProps) {
  const useLog = log && mode === 'cum';
  const data = rows.map((r) => ({
    index: r.index,
    actual: logSafe(r.actual, useLog),
    partial: logSafe(r.partial, useLog),
    after: logSafe(r.after, useLog),
    fitted: logSafe(r.fitted, useLog),
    paper: logSafe(r.paper, useLog),
    mean: logSafe(r.mean, useLog),
    band:
      r.lo !== null && r.hi !== null
        ? [Math.max(r.lo, useLog ? 1 : 0), Math.max(r.hi, useLog ? 1 : 0)]
        : null,
  }));
  // The dashed forecast starts at the last point the fit saw, so it reads as a continuation of the data.
  const firstForecast = rows.findIndex((r) => r.mean !== null);
  const anchor = firstForecast > 0 ? data[firstForecast - 1] : undefined;
  const anchorRow = firstForecast > 0 ? rows[firstForecast - 1] : undefined;
  const anchorValue = anchorRow ? (anchorRow.actual ?? anchorRow.partial ?? anchorRow.fitted) : null;
  if (anchor && anchorValue !== null && mode === 'cum' && anchor.mean === null) {
    anchor.mean = logSafe(anchorValue, useLog);
    anchor.band = [Math.max(anchorValue, useLog ? 1 : 0), Math.max(anchorValue, useLog ? 1 : 0)];
  }
  const max = maxOf(rows.flatMap((r) => [r.actual, r.partial, r.after, r.fitted, r.mean, r.hi]));
  const unit = granularity === 'month' ? 'Month' : 'Day';
  const tooltip = chartTooltip({
    label: (index) =>
      `${indexLabel(startDate, Number(index), granularity)} (${unit.toLowerCase()} ${String(index)})`,
    value: (v) => formatInteger(v),
  });
  const dotSize = rows.length > 60 ? 1.6 : 2.6;
  // A numeric x-axis does not size bars by category: give them about half a month's width.
  const barSize = Math.max(2, Math.min(28, Math.round(520 / Math.max(1, rows.length))));
  return (
    <ComposedChart data={data} margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis {...indexAxisProps(startDate, granularity)} />
      <YAxis {...countAxisProps(max, useLog)} />
      <Tooltip content={tooltip} />
      {mode === 'cum' && (
        <Area
          dataKey="band"
          name={bandLabel}
          stroke="none"
          fill={COLORS.forecast}
          fillOpacity={0.18}
          isAnimationActive={false}
          connectNulls={false}
          className="series-band"
        />
      )}
      {mode === 'new' &&
        NEW_BARS.map((bar) => <Bar key={bar.dataKey} {...bar} barSize={barSize} isAnimationActive={false} />)}
      <Line
        dataKey="paper"
        name="Paper's fit"
        stroke={COLORS.paper}
        strokeDasharray={DASH_PAPER}
        strokeWidth={1.5}
        dot={false}
        isAnimationActive={false}
        connectNulls
        className="series-paper"
      />
      <Line
        dataKey="fitted"
        name="Fitted"
        stroke={COLORS.fit}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        connectNulls
        className="series-fitted"
      />
      <Line
        dataKey="mean"
        name="Forecast"
        stroke={COLORS.forecast}
        strokeWidth={2}
        strokeDasharray={DASH_FORECAST}
        dot={false}
        isAnimationActive={false}
        connectNulls
        className="series-forecast"
      />
      {mode === 'cum' && (
        <Line
          dataKey="actual"
          name="Observed"
          stroke="none"
          dot={{ r: dotSize, fill: COLORS.data, stroke: 'none', className: 'dot-actual' }}
          activeDot={{ r: 4 }}
          isAnimationActive={false}
          className="series-actual"
        />
      )}
      {mode === 'cum' && (
        <Line
          dataKey="partial"
          name="Incomplete"
          stroke="none"
          dot={{ r: 3.5, fill: 'var(--bg)', stroke: COLORS.data, strokeWidth: 1.5, className: 'dot-partial' }}
          isAnimationActive={false}
          className="series-partial"
        />
      )}
      {mode === 'cum' && (
        <Line
          dataKey="after"
          name="Observed since"
          stroke="none"
          dot={{ r: 3.5, fill: 'var(--bg)', stroke: COLORS.after, strokeWidth: 1.8, className: 'dot-after' }}
          isAnimationActive={false}
          className="series-after"
        />
      )}
      {asOfIndex !== null && asOfLabel && (
        <ReferenceLine
          x={asOfIndex}
          stroke={COLORS.axis}
          strokeDasharray="3 3"
          label={{ value: asOfLabel, position: 'insideTopLeft', fill: 'var(--muted)', fontSize: 12 }}
        />
      )}
      {partialIndex !== null && (
        <ReferenceLine
          x={partialIndex}
          stroke="none"
          label={{ value: 'incomplete', position: 'insideBottomRight', fill: 'var(--muted)', fontSize: 11 }}
        />
      )}
    </ComposedChart>
  );
}
