import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import type { CurveGroup } from '@/components/charts/curves-chart.tsx';
import { formatCount } from '@/lib/format.ts';
import type { OrgsCompare } from '@/lib/schemas/orgs.ts';

const CurvesChart = dynamic(() => import('@/components/charts/curves-chart.tsx').then((m) => m.CurvesChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={320} />,
});

const COLUMNS: ChartColumn[] = [
  { key: 'org', label: 'organisation', kind: 'text' },
  { key: 'age', label: 'months since release' },
  {
    key: 'mean',
    label: 'mean cumulative derivatives',
    format: (v) => (typeof v === 'number' ? formatCount(v) : '–'),
  },
  { key: 'n', label: 'models' },
];

/** Aggregate curves: each organisation's mean cumulative derivatives per base model by age, one line each. */
export function OrgAggregates({
  data,
  colorOf,
  nameOf,
}: {
  data: OrgsCompare;
  colorOf: (org: string) => string;
  nameOf: (org: string) => string;
}) {
  const lines = data.aggregates.filter((a) => a.points.length > 1);
  if (lines.length === 0) return null;
  const rows: ChartRow[] = lines.flatMap((a) =>
    a.points.map((p) => ({ org: nameOf(a.org), age: p.age, mean: p.mean, n: p.n })),
  );
  const groups: CurveGroup[] = lines.map((a) => ({
    key: a.org,
    label: nameOf(a.org),
    color: colorOf(a.org),
    points: a.points.map((p) => ({ x: p.age, y: p.mean })),
    width: 2,
  }));
  const maxX = Math.max(...lines.flatMap((a) => a.points.map((p) => p.age)));
  return (
    <div className="section-gap">
      <ChartFrame
        title="Aggregate curves"
        description="Mean cumulative derivatives per selected base model, by months since release (ages where at least 3 of the organisation's models are observed; log scale)."
        filename="orgs aggregate curves"
        columns={COLUMNS}
        rows={rows}
        height={320}
        legend={lines.map((a) => ({ label: nameOf(a.org), color: colorOf(a.org), mark: 'line' as const }))}
      >
        <CurvesChart groups={groups} log maxX={maxX} />
      </ChartFrame>
    </div>
  );
}
