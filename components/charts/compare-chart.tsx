import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import { countAxisProps, logSafe } from './axis.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, DASH_FORECAST, FILL_100 } from './chart-theme.ts';

export interface CompareLine {
  repoId: string;
  color: string;
  observed: { x: number; y: number }[];
  forecast: { x: number; mean: number; lo: number; hi: number }[];
}

/** Several models overlaid: observed solid, forecast dashed in the same colour, each with a faint band. */
export function CompareChart({
  lines,
  log,
  xFormat,
}: {
  lines: readonly CompareLine[];
  log: boolean;
  xFormat: (x: number) => string;
}) {
  let maxY = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    for (const p of l.observed) {
      maxY = Math.max(maxY, p.y);
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
    }
    for (const p of l.forecast) {
      maxY = Math.max(maxY, p.hi);
      maxX = Math.max(maxX, p.x);
    }
  }
  if (!Number.isFinite(minX)) {
    minX = 0;
    maxX = 1;
  }
  const floor = log ? 1 : 0;
  return (
    <ComposedChart margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        allowDecimals={false}
        dataKey="x"
        type="number"
        domain={[minX, maxX]}
        allowDuplicatedCategory={false}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={xFormat}
        minTickGap={24}
      />
      <YAxis {...countAxisProps(maxY, log)} />
      {lines.map((l) => (
        <Area
          key={`${l.repoId}-band`}
          data={l.forecast.map((p) => ({ x: p.x, band: [Math.max(p.lo, floor), Math.max(p.hi, floor)] }))}
          dataKey="band"
          stroke="none"
          fill={l.color}
          fillOpacity={0.1}
          isAnimationActive={false}
        />
      ))}
      {lines.map((l) => (
        <Line
          key={`${l.repoId}-observed`}
          data={l.observed.map((p) => ({ x: p.x, y: logSafe(p.y, log) }))}
          dataKey="y"
          name={l.repoId}
          stroke={l.color}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          className="series-observed"
        />
      ))}
      {lines.map((l) => {
        const last = l.observed.at(-1);
        const points = [...(last ? [{ x: last.x, mean: last.y }] : []), ...l.forecast];
        return (
          <Line
            key={`${l.repoId}-forecast`}
            data={points.map((p) => ({ x: p.x, y: logSafe(p.mean, log) }))}
            dataKey="y"
            name={`${l.repoId} forecast`}
            stroke={l.color}
            strokeWidth={2}
            strokeDasharray={DASH_FORECAST}
            dot={false}
            isAnimationActive={false}
          />
        );
      })}
    </ComposedChart>
  );
}
