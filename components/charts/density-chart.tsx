import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format.ts';
import { AXIS_TICK, CHART_MARGIN, COLORS, FILL_100 } from './chart-theme.ts';

export interface DensityLine {
  org: string;
  color: string;
  points: { x: number; density: number }[];
}

/** Fig. 3: kernel densities of log10(1 + cumulative count), one line per organisation. */
export function DensityChart({ lines, maxX }: { lines: readonly DensityLine[]; maxX: number }) {
  return (
    <LineChart margin={CHART_MARGIN} responsive style={FILL_100}>
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        dataKey="x"
        type="number"
        domain={[0, Math.max(1, Math.ceil(maxX))]}
        allowDuplicatedCategory={false}
        tick={AXIS_TICK}
        stroke={COLORS.grid}
        tickFormatter={(x: number) => formatCount(10 ** x)}
        label={{
          value: '1 + cumulative derivatives (log)',
          position: 'insideBottomRight',
          offset: -2,
          fill: 'var(--muted)',
          fontSize: 11,
        }}
      />
      <YAxis tick={AXIS_TICK} stroke={COLORS.grid} width={40} tickFormatter={(v: number) => v.toFixed(1)} />
      {lines.map((l) => (
        <Line
          key={l.org}
          data={l.points}
          dataKey="density"
          name={l.org}
          stroke={l.color}
          strokeWidth={1.8}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
