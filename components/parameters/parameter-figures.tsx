import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import { COLORS } from '@/components/charts/chart-theme.ts';
import type { ScatterPoint } from '@/components/charts/log-scatter-chart.tsx';
import { formatInteger, formatParam } from '@/lib/format.ts';
import type { ParametersView as ParametersData } from '@/lib/schemas/parameters.ts';
import { modelPath } from '@/lib/url-state.ts';
import { histogram } from './histogram.ts';

const HistogramChart = dynamic(
  () => import('@/components/charts/histogram-chart.tsx').then((m) => m.HistogramChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={220} />,
  },
);
const LogScatterChart = dynamic(
  () => import('@/components/charts/log-scatter-chart.tsx').then((m) => m.LogScatterChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={280} />,
  },
);
const PARAMS = [
  { key: 'lambda', label: 'λ' },
  { key: 'mu', label: 'μ' },
  { key: 'sigma', label: 'σ' },
] as const;
const PAIRS = [
  ['lambda', 'mu'],
  ['lambda', 'sigma'],
  ['mu', 'sigma'],
] as const;
const MAX_POINTS = 1500;
const fmt = (v: unknown) => (typeof v === 'number' ? formatParam(v) : '–');

/** Fig. 2: histograms of λ, μ, σ and their pairwise log-log scatter (a click opens the model). */
export function ParameterFigures({ data }: { data: ParametersData }) {
  const router = useRouter();
  const label = (k: (typeof PARAMS)[number]['key']) => PARAMS.find((p) => p.key === k)?.label ?? k;
  const withParams = data.items.filter((r) => r.lambda !== null && r.mu !== null && r.sigma !== null);
  const plotted = withParams.slice(0, MAX_POINTS);
  const rows: ChartRow[] = withParams.map((r) => ({
    repoId: r.repoId,
    lambda: r.lambda,
    mu: r.mu,
    sigma: r.sigma,
    status: r.status,
  }));
  const columns: ChartColumn[] = [
    { key: 'repoId', label: 'base model', kind: 'text', href: (r) => modelPath(String(r.repoId)) },
    { key: 'lambda', label: 'λ', format: fmt },
    { key: 'mu', label: 'μ', format: fmt },
    { key: 'sigma', label: 'σ', format: fmt },
    { key: 'status', label: 'status', kind: 'text' },
  ];
  return (
    <>
      <div className="grid-3">
        {PARAMS.map(({ key, label: l }) => (
          <ChartFrame
            key={key}
            title={`Histogram of ${l}`}
            description={`log10 bins over ${formatInteger(withParams.length)} fits with positive ${l}.`}
            filename={`parameters ${data.method} ${key} histogram`}
            columns={columns}
            rows={rows}
            height={220}
          >
            <HistogramChart
              bins={histogram(
                withParams.map((r) => r[key] as number),
                30,
                true,
              )}
              log
            />
          </ChartFrame>
        ))}
      </div>
      <div className="grid-3">
        {PAIRS.map(([x, y]) => {
          const points: ScatterPoint[] = plotted
            .filter((r) => (r[x] as number) > 0 && (r[y] as number) > 0)
            .map((r) => ({ repoId: r.repoId, x: r[x] as number, y: r[y] as number, failed: r.failed }));
          return (
            <ChartFrame
              key={`${x}-${y}`}
              title={`${label(x)} against ${label(y)}`}
              description={`Log-log; ${withParams.length > MAX_POINTS ? `the ${MAX_POINTS} models with most derivatives; ` : ''}crosses are failed fits. Click a point to open its model.`}
              filename={`parameters ${data.method} ${x} vs ${y}`}
              columns={columns}
              rows={rows}
              height={280}
              legend={[
                { label: 'converged fit', color: COLORS.fit, mark: 'dot' },
                { label: 'failed fit', color: COLORS.forecast, mark: 'dot' },
              ]}
            >
              <LogScatterChart
                points={points}
                xLabel={label(x)}
                yLabel={label(y)}
                onOpen={(id) => router.push(modelPath(id))}
              />
            </ChartFrame>
          );
        })}
      </div>
    </>
  );
}
