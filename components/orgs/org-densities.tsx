import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import type { OrgsCompare } from '@/lib/schemas/orgs.ts';

const DensityChart = dynamic(
  () => import('@/components/charts/density-chart.tsx').then((m) => m.DensityChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={260} />,
  },
);

/** Fig. 3: densities of cumulative derivatives at 2, 6 and 12 months, one line per organisation. */
export function OrgDensities({
  data,
  colorOf,
  nameOf,
}: {
  data: OrgsCompare;
  colorOf: (org: string) => string;
  nameOf: (org: string) => string;
}) {
  const drawable = data.densities.some((d) =>
    d.points.some((p) => Number.isFinite(p.x) && Number.isFinite(p.density)),
  );
  if (!drawable) return <div className="notice">The densities could not be computed for these models.</div>;
  return (
    <div className="grid-3">
      {data.months.map((month) => {
        // Points the API could not compute (null) are dropped rather than drawn as zero.
        const densities = data.densities
          .filter((d) => d.month === month)
          .map((d) => ({
            ...d,
            points: d.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.density)),
          }))
          .filter((d) => d.points.length > 0);
        const rows: ChartRow[] = densities.flatMap((d) =>
          d.points.map((p) => ({ org: d.org, n: d.n, x: p.x, density: p.density })),
        );
        const columns: ChartColumn[] = [
          { key: 'org', label: 'organisation', kind: 'text' },
          { key: 'n', label: 'models' },
          {
            key: 'x',
            label: 'log10(1 + count)',
            format: (v) => (typeof v === 'number' ? v.toFixed(2) : '–'),
          },
          { key: 'density', label: 'density', format: (v) => (typeof v === 'number' ? v.toFixed(3) : '–') },
        ];
        const maxX = Math.max(1, ...densities.flatMap((d) => d.points.map((p) => p.x)));
        return (
          <ChartFrame
            key={month}
            title={`At ${month} months`}
            description={`Density of cumulative derivatives ${month} months after release.`}
            filename={`orgs density ${month} months`}
            columns={columns}
            rows={rows}
            height={240}
            legend={densities.map((d) => ({
              label: `${nameOf(d.org)} (${d.n})`,
              color: colorOf(d.org),
              mark: 'line' as const,
            }))}
          >
            <DensityChart
              lines={densities.map((d) => ({ org: d.org, color: colorOf(d.org), points: d.points }))}
              maxX={maxX}
            />
          </ChartFrame>
        );
      })}
    </div>
  );
}
