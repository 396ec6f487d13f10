'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, ChartRow } from '@/components/chart/chart-types.ts';
import { seriesColor } from '@/components/charts/chart-theme.ts';
import type { CompareLine } from '@/components/charts/compare-chart.tsx';
import { METRIC_LABEL } from '@/components/model/view-controls.tsx';
import { SearchBox } from '@/components/search/search-box.tsx';
import { BandToggle } from '@/components/ui/band-toggle.tsx';
import { CopyLinkButton } from '@/components/ui/copy-link-button.tsx';
import { HorizonSelect } from '@/components/ui/horizon-select.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { ScaleToggle } from '@/components/ui/scale-toggle.tsx';
import { Segmented } from '@/components/ui/segmented.tsx';
import { formatInteger, formatMonthShort } from '@/lib/format.ts';
import { useCompare } from '@/lib/hooks/use-compare.ts';
import type { CompareView as CompareData } from '@/lib/schemas/compare.ts';
import { compareViewParsers, MAX_COMPARE, METRICS, modelPath } from '@/lib/url-state.ts';
import { calendarMonth, monthOfCalendar } from './calendar.ts';

const CompareChart = dynamic(
  () => import('@/components/charts/compare-chart.tsx').then((m) => m.CompareChart),
  {
    ssr: false,
    loading: () => <ChartSkeleton height={420} />,
  },
);

const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

function toLines(data: CompareData, align: 'release' | 'calendar', band: 80 | 95): CompareLine[] {
  return data.models.map((m, i) => {
    // Calendar alignment puts every model on one month axis; release alignment on months since creation.
    const x = (index: number) => (align === 'release' ? index : calendarMonth(m.series.startDate) + index);
    const complete = m.series.lastPartial ? m.series.points.slice(0, -1) : m.series.points;
    return {
      repoId: m.repoId,
      color: seriesColor(i),
      observed: complete.map((p) => ({ x: x(p.index), y: p.value })),
      forecast: (m.forecast?.forecast ?? []).map((p) => ({
        x: x(p.index),
        mean: p.mean,
        lo: band === 80 ? p.lo80 : p.lo95,
        hi: band === 80 ? p.hi80 : p.hi95,
      })),
    };
  });
}

function tableRows(data: CompareData, band: 80 | 95): ChartRow[] {
  return data.models.flatMap((m) => [
    ...m.series.points.map((p) => ({
      repoId: m.repoId,
      index: p.index,
      date: p.date,
      value: p.value,
      mean: null,
      lo: null,
      hi: null,
    })),
    ...(m.forecast?.forecast ?? []).map((p) => ({
      repoId: m.repoId,
      index: p.index,
      date: p.date,
      value: null,
      mean: p.mean,
      lo: band === 80 ? p.lo80 : p.lo95,
      hi: band === 80 ? p.hi80 : p.hi95,
    })),
  ]);
}

/** Up to ten models overlaid with their forecasts; models are added and removed through the search box. */
export function CompareView({ initial }: { initial: { key: string; data: CompareData | null } }) {
  const [view, setView] = useQueryStates(compareViewParsers);
  const key = `${view.m.join('~')}|${view.metric}|${view.align}|${view.fc ?? ''}`;
  const compare = useCompare(
    { ids: view.m, metric: view.metric, align: view.align, fc: view.fc },
    key === initial.key ? (initial.data ?? undefined) : undefined,
  );
  const log = view.scale === 'log';
  const unit = view.metric === 'downloads' ? 'days' : 'months';
  // 0 asks the API for no forecast; null (absent from the URL) is its default horizon.
  const defaultFc = view.metric === 'downloads' ? 75 : 12;
  const horizons = view.metric === 'downloads' ? [0, 30, 75, 120] : [0, 3, 6, 12, 24, 36];

  function add(repoId: string) {
    if (view.m.includes(repoId) || view.m.length >= MAX_COMPARE) return;
    void setView({ m: [...view.m, repoId] });
  }

  return (
    <div className="stack">
      <header className="page-header">
        <h1>Compare models</h1>
        <p className="lead">
          Overlay up to {MAX_COMPARE} base models with their forecasts, aligned by calendar month or by
          release.
        </p>
      </header>
      <div className="toolbar">
        <div className="stack" style={{ gap: '0.6rem', flex: '1 1 24rem' }}>
          <SearchBox
            label="Add a model to the comparison"
            placeholder={view.m.length >= MAX_COMPARE ? `At most ${MAX_COMPARE} models` : 'Add a model…'}
            modelsOnly
            onPick={(p) => p.kind === 'model' && add(p.repoId)}
            autoFocus={view.m.length === 0}
          />
          <ul className="chip-list" aria-label="Compared models">
            {view.m.map((id, i) => (
              <li key={id} className="chip" style={{ borderColor: seriesColor(i) }}>
                <span
                  aria-hidden="true"
                  style={{ width: 10, height: 10, borderRadius: 2, background: seriesColor(i) }}
                />
                <Link href={modelPath(id)}>{id}</Link>
                <button
                  type="button"
                  aria-label={`Remove ${id}`}
                  onClick={() => void setView({ m: view.m.filter((x) => x !== id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
        <CopyLinkButton />
      </div>
      <div className="control-row">
        <label className="field">
          <span>Metric</span>
          <select
            value={view.metric}
            onChange={(e) => void setView({ metric: e.target.value as (typeof METRICS)[number], fc: null })}
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        <HorizonSelect
          value={view.fc}
          defaultValue={defaultFc}
          horizons={horizons}
          unit={unit}
          onChange={(fc) => void setView({ fc })}
        />
        <Segmented
          label="Align"
          value={view.align}
          options={[
            { value: 'calendar', label: 'Calendar' },
            { value: 'release', label: 'By release' },
          ]}
          onChange={(align) => void setView({ align })}
        />
        <ScaleToggle value={view.scale} onChange={(scale) => void setView({ scale })} />
        <BandToggle value={view.band} onChange={(band) => void setView({ band })} />
      </div>
      {view.m.length === 0 ? (
        <div className="notice">
          Search for a model above to start a comparison, for example Qwen/Qwen1.5-0.5B and google/gemma-2b.
        </div>
      ) : (
        <QueryState query={compare} label="The comparison" height={420}>
          {(data) => {
            const lines = toLines(data, view.align, view.band);
            const columns: ChartColumn[] = [
              { key: 'repoId', label: 'model', kind: 'text' },
              { key: 'index', label: `${unit} since release` },
              { key: 'date', label: 'date', kind: 'text' },
              { key: 'value', label: 'observed', format: count },
              { key: 'mean', label: 'forecast', format: count },
              { key: 'lo', label: `lo${view.band}`, format: count },
              { key: 'hi', label: `hi${view.band}`, format: count },
            ];
            return (
              <ChartFrame
                title={`${METRIC_LABEL[view.metric]}, ${view.align === 'release' ? `by ${unit} since release` : 'by calendar month'}`}
                description={`Observed solid, forecast dashed, with the ${view.band}% prediction interval shaded.`}
                filename={`compare ${view.metric} ${view.align}`}
                columns={columns}
                rows={tableRows(data, view.band)}
                height={420}
                legend={[
                  ...lines.map((l) => ({ label: l.repoId, color: l.color, mark: 'line' as const })),
                  { label: 'forecast', color: 'var(--muted)', mark: 'dashed' as const },
                  {
                    label: `${view.band}% prediction interval`,
                    color: 'var(--muted)',
                    mark: 'band' as const,
                  },
                ]}
              >
                <CompareChart
                  lines={lines}
                  log={log}
                  xFormat={(x) => (view.align === 'release' ? `${x}` : formatMonthShort(monthOfCalendar(x)))}
                />
              </ChartFrame>
            );
          }}
        </QueryState>
      )}
    </div>
  );
}
