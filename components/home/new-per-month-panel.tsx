import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import { seriesColor } from '@/components/charts/chart-theme.ts';
import { formatInteger, formatMonth } from '@/lib/format.ts';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';

const StackedBarsChart = dynamic(
  () => import('@/components/charts/stacked-bars-chart.tsx').then((m) => m.StackedBarsChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={300} />,
  },
);
const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

/** Fig. 1: new derivatives per calendar month, stacked by the base model's creation year. */
export function NewPerMonthPanel({ data }: { data: EcosystemView }) {
  const byMonth = new Map<string, Record<string, string | number>>();
  for (const { month, cohort, count: n } of data.newPerMonth) {
    const row = byMonth.get(month) ?? { month };
    row[cohort] = n;
    byMonth.set(month, row);
  }
  const wide = [...byMonth.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)));
  const rows: ChartRow[] = data.newPerMonth.map((r) => ({
    month: r.month,
    cohort: r.cohort,
    count: r.count,
  }));
  const columns: ChartColumn[] = [
    { key: 'month', label: 'month', kind: 'text', format: (v) => formatMonth(String(v)) },
    { key: 'cohort', label: 'base model cohort', kind: 'text' },
    { key: 'count', label: 'new derivatives', format: count },
  ];
  return (
    <ChartFrame
      title="New derivatives per month"
      description="Derivatives created each calendar month, stacked by the year their base model was created (paper Fig. 1)."
      filename="ecosystem new derivatives per month"
      columns={columns}
      rows={rows}
      height={300}
      legend={data.cohorts.map((c, i) => ({ label: c, color: seriesColor(i), mark: 'bar' as const }))}
    >
      <StackedBarsChart rows={wide} groups={data.cohorts} />
    </ChartFrame>
  );
}
