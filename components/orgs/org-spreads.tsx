import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { SpreadRow } from '@/components/charts/spread-chart.tsx';
import { formatParam } from '@/lib/format.ts';
import type { OrgsCompare } from '@/lib/schemas/orgs.ts';
import { spread } from './quantiles.ts';

const SpreadChart = dynamic(() => import('@/components/charts/spread-chart.tsx').then((m) => m.SpreadChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={360} />,
});
const PARAMS = [
  { key: 'lambda', label: 'λ fitness' },
  { key: 'mu', label: 'μ immediacy' },
  { key: 'sigma', label: 'σ longevity' },
] as const;

/** Median and interquartile range of λ, μ and σ per organisation. */
export function OrgSpreads({ data, nameOf }: { data: OrgsCompare; nameOf: (org: string) => string }) {
  return (
    <div className="grid-3">
      {PARAMS.map(({ key, label }) => {
        const rows: SpreadRow[] = data.params
          .filter((p) => p.n > 0)
          .map((p) => {
            const s = spread(p[key]);
            return {
              org: nameOf(p.org),
              n: s.n,
              p25: s.p25,
              median: s.median,
              p75: s.p75,
              iqr: s.p25 !== null && s.p75 !== null ? [s.p25, s.p75] : null,
            };
          });
        const fmt = (v: unknown) => (typeof v === 'number' ? formatParam(v) : '–');
        return (
          <ChartFrame
            key={key}
            title={label}
            description="Median (dot) and interquartile range (bar) over the selected models."
            filename={`orgs ${key} spread`}
            columns={[
              { key: 'org', label: 'organisation', kind: 'text' },
              { key: 'n', label: 'models' },
              { key: 'p25', label: 'p25', format: fmt },
              { key: 'median', label: 'median', format: fmt },
              { key: 'p75', label: 'p75', format: fmt },
            ]}
            rows={rows.map((r) => ({
              org: r.org,
              n: r.n as number,
              p25: r.p25 as number | null,
              median: r.median,
              p75: r.p75 as number | null,
            }))}
            height={Math.max(200, rows.length * 22 + 40)}
          >
            <SpreadChart rows={rows} label={label} />
          </ChartFrame>
        );
      })}
    </div>
  );
}
