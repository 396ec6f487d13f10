import { formatParam } from '@/lib/format.ts';
import type { ScatterPoint } from './log-scatter-chart.tsx';

/** Tooltip of a parameter scatter: the model and its two values. */
export function ScatterTooltip({
  active,
  payload,
  xLabel,
  yLabel,
}: {
  active?: boolean;
  payload?: readonly { payload?: ScatterPoint }[];
  xLabel: string;
  yLabel: string;
}) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-label">{p.repoId}</div>
      <div>
        {xLabel} {formatParam(p.x)} · {yLabel} {formatParam(p.y)}
        {p.failed ? ' · failed fit *' : ''}
      </div>
      <div className="muted">Click to open</div>
    </div>
  );
}
