'use client';

import dynamic from 'next/dynamic';
import { useQueryStates } from 'nuqs';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import { seriesColor } from '@/components/charts/chart-theme.ts';
import { bundleCurves, maxAge } from '@/components/charts/curve-groups.ts';
import { CopyLinkButton } from '@/components/ui/copy-link-button.tsx';
import { ScaleToggle } from '@/components/ui/scale-toggle.tsx';
import { Stat } from '@/components/ui/stat.tsx';
import { formatInteger, formatMonth, formatMonthShort, formatParam } from '@/lib/format.ts';
import { useOrg } from '@/lib/hooks/use-org.ts';
import type { OrgDetail } from '@/lib/schemas/orgs.ts';
import { modelPath, orgsViewParsers } from '@/lib/url-state.ts';
import { OrgModelsTable } from './org-models-table.tsx';

const CurvesChart = dynamic(() => import('@/components/charts/curves-chart.tsx').then((m) => m.CurvesChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={380} />,
});
const AggregateChart = dynamic(
  () => import('@/components/charts/aggregate-chart.tsx').then((m) => m.AggregateChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={260} />,
  },
);

const HIGHLIGHTED = 8;
const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

/** An organisation: every base model's curve (Figs. 6–8), the aggregate, and its models. */
export function OrgView({ slug, initial }: { slug: string; initial: OrgDetail }) {
  const data = useOrg(slug, initial).data ?? initial;
  const [{ scale }, setView] = useQueryStates({ scale: orgsViewParsers.scale });
  const log = scale === 'log';
  const derivatives = data.models.reduce((sum, m) => sum + m.derivatives, 0);
  const lambdas = data.models
    .filter((m) => m.fitStatus === 'ok' && m.lambda !== null)
    .map((m) => m.lambda as number)
    .sort((a, b) => a - b);
  const medianLambda = lambdas.length ? lambdas[Math.floor(lambdas.length / 2)] : null;

  // The largest models get their own colour and name; the rest are drawn thin and grey behind them.
  const bySize = [...data.curves].sort((a, b) => (b.values.at(-1) ?? 0) - (a.values.at(-1) ?? 0));
  const top = bySize.slice(0, HIGHLIGHTED);
  const rest =
    bundleCurves(bySize.slice(HIGHLIGHTED).map((c) => ({ group: 'other', values: c.values }))).get('other') ??
    [];
  const groups = [
    {
      key: 'other',
      label: `Other models (${bySize.length - top.length})`,
      color: 'var(--chart-cohort)',
      points: rest,
    },
    ...top.map((c, i) => ({
      key: c.repoId,
      label: c.repoId,
      color: seriesColor(i),
      points: c.values.map((y, x) => ({ x, y })),
      width: 2,
    })),
  ];
  const curveRows: ChartRow[] = data.curves.flatMap((c) =>
    c.values.map((value, age) => ({ repoId: c.repoId, age, value })),
  );
  const curveColumns: ChartColumn[] = [
    { key: 'repoId', label: 'base model', kind: 'text', href: (r) => modelPath(String(r.repoId)) },
    { key: 'age', label: 'months since release' },
    { key: 'value', label: 'cumulative derivatives', format: count },
  ];

  return (
    <div className="stack">
      <header className="page-header">
        <p className="eyebrow">Organisation</p>
        <h1>{data.org.name}</h1>
        <p className="muted">Hub accounts: {data.org.authors.join(', ')}</p>
        <div className="stat-grid">
          <Stat label="Base models" value={formatInteger(data.models.length)} />
          <Stat label="Derivatives" value={formatInteger(derivatives)} testId="org-derivatives" />
          <Stat label="Median λ" value={formatParam(medianLambda)} hint="over our converged fits" />
        </div>
      </header>
      <div className="toolbar">
        <ScaleToggle value={scale} onChange={(s) => void setView({ scale: s })} />
        <CopyLinkButton />
      </div>
      <ChartFrame
        title={`Cumulative derivatives of every ${data.org.name} base model`}
        description={`By months since each model's release (paper Figs. 6–8). The ${top.length} largest are named; the other ${bySize.length - top.length} are grey.`}
        filename={`${slug} curves`}
        columns={curveColumns}
        rows={curveRows}
        height={380}
        legend={groups.map((g) => ({ label: g.label, color: g.color, mark: 'line' as const }))}
      >
        <CurvesChart groups={groups} log={log} maxX={maxAge(data.curves)} />
      </ChartFrame>
      <div className="two-col">
        <ChartFrame
          title="Aggregate by age"
          description="Sum over the organisation's models of their cumulative count k months after each release."
          filename={`${slug} aggregate by age`}
          columns={[
            { key: 'age', label: 'months since release' },
            { key: 'total', label: 'cumulative derivatives', format: count },
            { key: 'n', label: 'models observed' },
          ]}
          rows={data.aggregate}
          height={260}
        >
          <AggregateChart
            rows={data.aggregate}
            xKey="age"
            log={log}
            xFormat={(x) => `${x} mo`}
            name="All models"
          />
        </ChartFrame>
        <ChartFrame
          title="Aggregate by calendar month"
          description="Cumulative derivatives of all the organisation's base models."
          filename={`${slug} aggregate by month`}
          columns={[
            { key: 'month', label: 'month', kind: 'text', format: (v) => formatMonth(String(v)) },
            { key: 'total', label: 'cumulative derivatives', format: count },
          ]}
          rows={data.calendar}
          height={260}
        >
          <AggregateChart
            rows={data.calendar}
            xKey="month"
            log={log}
            xFormat={(x) => formatMonthShort(String(x))}
            name="All models"
          />
        </ChartFrame>
      </div>
      <section className="panel" aria-labelledby="org-models-title">
        <h2 id="org-models-title">Base models</h2>
        <OrgModelsTable models={data.models} />
      </section>
    </div>
  );
}
