import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { countAxisProps, logSafe } from './axis.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

export interface CurveGroup {
  key: string;
  label: string;
  color: string;
  /** Points of every curve in the group, curves separated by a gap (y null) so one path draws them all. */
  points: { x: number; y: number | null }[];
  width?: number;
  dashed?: boolean;
}

/**
 * Many cumulative curves by age (Figs. 4, 6–8): one Recharts line per group rather than per model, which
 * keeps thousands of curves cheap to draw. No tooltip: a point of a bundle names no model; the table view does.
 */
export function CurvesChart({
  groups,
  log,
  xLabel = 'months since release',
  maxX,
}: {
  groups: readonly CurveGroup[];
  log: boolean;
  xLabel?: string;
  maxX: number;
}) {
  let maxY = 0;
  for (const g of groups) for (const p of g.points) if (p.y !== null && p.y > maxY) maxY = p.y;
  return (
    <LineChart margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        allowDecimals={false}
        dataKey="x"
        type="number"
        domain={[0, maxX]}
        allowDuplicatedCategory={false}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        label={{
          value: xLabel,
          position: 'insideBottomRight',
          offset: -2,
          fill: 'var(--muted)',
          fontSize: 11,
        }}
      />
      <YAxis {...countAxisProps(maxY, log)} />
      {groups.map((g) => (
        <Line
          key={g.key}
          data={g.points.map((p) => ({ x: p.x, y: logSafe(p.y, log) }))}
          dataKey="y"
          name={g.label}
          stroke={g.color}
          strokeWidth={g.width ?? 1}
          strokeOpacity={g.width && g.width > 1 ? 1 : 0.55}
          strokeDasharray={g.dashed ? '6 4' : undefined}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}
