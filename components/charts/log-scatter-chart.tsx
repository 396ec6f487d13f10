import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatLogTick } from '@/lib/format.ts';
import { decadeTicks } from './axis.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';
import { ScatterTooltip } from './scatter-tooltip.tsx';

export interface ScatterPoint {
  repoId: string;
  x: number;
  y: number;
  failed: boolean;
}

/** Fig. 2 (off-diagonal): two parameters on log-log axes; a click on a point opens the model. */
export function LogScatterChart({
  points,
  xLabel,
  yLabel,
  onOpen,
}: {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  onOpen: (repoId: string) => void;
}) {
  const ok = points.filter((p) => !p.failed);
  const xs = decadeTicks(Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x)));
  const ys = decadeTicks(Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y)));
  const failed = points.filter((p) => p.failed);
  return (
    <ScatterChart margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} />
      <XAxis
        dataKey="x"
        type="number"
        scale="log"
        domain={xs.length ? [xs[0] as number, xs.at(-1) as number] : ['auto', 'auto']}
        ticks={xs.length ? xs : undefined}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(v: number) => formatLogTick(v)}
        name={xLabel}
        label={{
          value: xLabel,
          position: 'insideBottomRight',
          offset: -2,
          fill: 'var(--muted)',
          fontSize: 11,
        }}
      />
      <YAxis
        dataKey="y"
        type="number"
        scale="log"
        domain={ys.length ? [ys[0] as number, ys.at(-1) as number] : ['auto', 'auto']}
        ticks={ys.length ? ys : undefined}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(v: number) => formatLogTick(v)}
        name={yLabel}
        width={48}
      />
      <Tooltip
        content={(props) => (
          <ScatterTooltip
            active={props.active}
            payload={props.payload as readonly { payload?: ScatterPoint }[]}
            xLabel={xLabel}
            yLabel={yLabel}
          />
        )}
      />
      <Scatter
        data={ok}
        name="converged fits"
        fill={COLORS.fit}
        fillOpacity={0.55}
        isAnimationActive={false}
        onClick={(d) => onOpen((d as unknown as { payload: ScatterPoint }).payload.repoId)}
        cursor="pointer"
      />
      <Scatter
        data={failed}
        name="failed fits"
        fill={COLORS.forecast}
        shape="cross"
        fillOpacity={0.7}
        isAnimationActive={false}
        onClick={(d) => onOpen((d as unknown as { payload: ScatterPoint }).payload.repoId)}
        cursor="pointer"
      />
    </ScatterChart>
  );
}
