import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn } from '@/components/chart/chart-types.ts';
import { COLORS } from '@/components/charts/chart-theme.ts';
import type { FanRow } from '@/components/charts/fan-chart.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { formatInteger, formatPercentile } from '@/lib/format.ts';
import { useCohort } from '@/lib/hooks/use-cohort.ts';
import type { CohortQuery } from '@/lib/schemas/cohort.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';

const FanChart = dynamic(() => import('@/components/charts/fan-chart.tsx').then((m) => m.FanChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={300} />,
});

const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

/** Early breakout: the model against peers released within a few months of it, aligned by age. */
export function CohortPanel({
  repoId,
  metric,
  series,
  log,
}: {
  repoId: string;
  metric: CohortQuery['metric'];
  series: SeriesView;
  log: boolean;
}) {
  const cohort = useCohort(repoId, metric);
  return (
    <section className="panel" aria-labelledby="cohort-title">
      <h2 id="cohort-title">Against its release cohort</h2>
      <QueryState
        query={cohort}
        label="The cohort"
        height={300}
        isEmpty={(c) => c.fan.length === 0}
        emptyMessage="No peers released around the same time."
      >
        {(c) => {
          const values = new Map(series.points.map((p) => [p.index, p.value]));
          const rows: FanRow[] = c.fan.map((f) => ({
            age: f.age,
            p25: f.p25,
            p50: f.p50,
            p75: f.p75,
            n: f.n,
            value: values.get(f.age) ?? null,
          }));
          const columns: ChartColumn[] = [
            { key: 'age', label: 'months since release' },
            { key: 'value', label: repoId, format: count },
            { key: 'p25', label: 'peers p25', format: count },
            { key: 'p50', label: 'peers median', format: count },
            { key: 'p75', label: 'peers p75', format: count },
            { key: 'n', label: 'peers observed' },
          ];
          return (
            <>
              <p className="lead-stat" data-testid="cohort-percentile">
                {c.percentile === null ? (
                  'No peers observed at this age.'
                ) : (
                  <>
                    At {c.age} months, <strong>{formatInteger(c.value)}</strong> derivatives: the{' '}
                    <strong>{formatPercentile(c.percentile)} percentile</strong> of {c.peers} base models
                    released within ±{c.window} months.
                  </>
                )}
              </p>
              <ChartFrame
                title="Cohort fan"
                filename={`${repoId} cohort ${metric}`}
                description="Peers aligned by release: the median and the interquartile range of their cumulative counts at each age."
                columns={columns}
                rows={rows}
                height={300}
                legend={[
                  { label: repoId, color: COLORS.fit, mark: 'line' },
                  { label: 'Peers, median', color: COLORS.cohort, mark: 'line' },
                  { label: 'Peers, 25th–75th percentile', color: COLORS.cohort, mark: 'band' },
                ]}
              >
                <FanChart rows={rows} log={log} modelLabel={repoId} age={c.age} />
              </ChartFrame>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
