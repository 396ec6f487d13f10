import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import { seriesColor } from '@/components/charts/chart-theme.ts';
import { bundleCurves, maxAge } from '@/components/charts/curve-groups.ts';
import { formatInteger } from '@/lib/format.ts';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';
import { modelPath } from '@/lib/url-state.ts';

const CurvesChart = dynamic(() => import('@/components/charts/curves-chart.tsx').then((m) => m.CurvesChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={300} />,
});
const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

/** Fig. 4: every base model's cumulative curve by age, coloured by creation year. */
export function CurvesByYearPanel({ data }: { data: EcosystemView }) {
  const years = [...new Set(data.curves.map((c) => String(c.cohortYear)))].sort();
  const bundles = bundleCurves(data.curves.map((c) => ({ group: String(c.cohortYear), values: c.values })));
  const groups = years.map((y, i) => ({
    key: y,
    label: y,
    color: seriesColor(i),
    points: bundles.get(y) ?? [],
  }));
  const rows: ChartRow[] = data.curves.flatMap((c) =>
    c.values.map((value, age) => ({ repoId: c.repoId, cohortYear: c.cohortYear, age, value })),
  );
  const columns: ChartColumn[] = [
    { key: 'repoId', label: 'base model', kind: 'text', href: (r) => modelPath(String(r.repoId)) },
    { key: 'cohortYear', label: 'created', kind: 'text' },
    { key: 'age', label: 'months since release' },
    { key: 'value', label: 'cumulative derivatives', format: count },
  ];
  return (
    <ChartFrame
      title="Cumulative derivatives by age"
      description={`One line per base model with enough derivatives (${formatInteger(data.curves.length)} models), coloured by creation year, log scale (paper Fig. 4).`}
      filename="ecosystem cumulative curves"
      columns={columns}
      rows={rows}
      height={300}
      legend={groups.map((g) => ({ label: g.label, color: g.color, mark: 'line' as const }))}
    >
      <CurvesChart groups={groups} log maxX={maxAge(data.curves)} />
    </ChartFrame>
  );
}
