import dynamic from 'next/dynamic';
import { useState } from 'react';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn } from '@/components/chart/chart-types.ts';
import { indexLabel } from '@/components/charts/axis.ts';
import { COLORS } from '@/components/charts/chart-theme.ts';
import type { TrackRow } from '@/components/charts/track-record-chart.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { Segmented } from '@/components/ui/segmented.tsx';
import { Stat } from '@/components/ui/stat.tsx';
import { formatInteger, formatMonth, formatParam, formatPercent } from '@/lib/format.ts';
import { useTrackRecord } from '@/lib/hooks/use-track-record.ts';
import type { TrackRecordQuery } from '@/lib/schemas/track-record.ts';

const TrackRecordChart = dynamic(
  () => import('@/components/charts/track-record-chart.tsx').then((m) => m.TrackRecordChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={280} />,
  },
);

const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

interface TrackRecordPanelProps {
  repoId: string;
  metric: TrackRecordQuery['metric'];
  startDate: string;
  log: boolean;
  band: 80 | 95;
}

/** The track record: what our forecast made k months ago said, against what happened. */
export function TrackRecordPanel({ repoId, metric, startDate, log, band }: TrackRecordPanelProps) {
  const record = useTrackRecord(repoId, metric);
  const [monthsAgo, setMonthsAgo] = useState<number | null>(null);
  return (
    <section className="panel" aria-labelledby="track-title">
      <h2 id="track-title">Track record</h2>
      <QueryState
        query={record}
        label="The track record"
        height={280}
        isEmpty={(r) => r.runs.length === 0}
        emptyMessage="The history is too short to check past forecasts."
      >
        {(r) => {
          const run = r.runs.find((x) => x.monthsAgo === monthsAgo) ?? r.runs[0];
          if (!run) return null;
          const rows: TrackRow[] = run.points.map((p) => ({
            index: p.index,
            date: p.date,
            predicted: p.predicted,
            lo: band === 80 ? p.lo80 : p.lo95,
            hi: band === 80 ? p.hi80 : p.hi95,
            actual: p.actual,
          }));
          const columns: ChartColumn[] = [
            {
              key: 'date',
              label: 'month',
              kind: 'text',
              format: (_, row) => indexLabel(startDate, Number(row.index), 'month'),
            },
            { key: 'index', label: 'months since release' },
            { key: 'predicted', label: 'forecast then', format: count },
            { key: 'lo', label: `lo${band}`, format: count },
            { key: 'hi', label: `hi${band}`, format: count },
            { key: 'actual', label: 'what happened', format: count },
          ];
          return (
            <>
              <div className="stat-grid">
                <Stat label="Checked points" value={formatInteger(r.summary.n)} />
                <Stat
                  label="Median log error"
                  value={formatParam(r.summary.medianLogError)}
                  hint="|ln(1+forecast) − ln(1+actual)|; 0.1 ≈ 10% off."
                />
                <Stat
                  label="Inside the 80% band"
                  value={formatPercent(r.summary.coverage80)}
                  hint="Should be near 80%."
                />
                <Stat
                  label="Inside the 95% band"
                  value={formatPercent(r.summary.coverage95)}
                  hint="Should be near 95%."
                />
              </div>
              <ChartFrame
                title={`Forecast made ${run.monthsAgo} months ago (${formatMonth(run.madeAt.date)}) vs what happened`}
                filename={`${repoId} track record ${run.monthsAgo}m`}
                description={`Made with data up to month ${run.madeAt.index} only; fit status ${run.status.replaceAll('_', ' ')}.`}
                columns={columns}
                rows={rows}
                height={280}
                controls={
                  <Segmented
                    label="Forecast made"
                    value={run.monthsAgo}
                    options={r.runs.map((x) => ({ value: x.monthsAgo, label: `${x.monthsAgo} mo ago` }))}
                    onChange={setMonthsAgo}
                  />
                }
                legend={[
                  { label: 'What happened', color: COLORS.data, mark: 'dot' },
                  { label: 'Forecast then', color: COLORS.forecast, mark: 'dashed' },
                  { label: `${band}% prediction interval`, color: COLORS.forecast, mark: 'band' },
                ]}
              >
                <TrackRecordChart
                  rows={rows}
                  log={log}
                  startDate={startDate}
                  bandLabel={`${band}% prediction interval`}
                />
              </ChartFrame>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
