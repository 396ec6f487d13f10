'use client';

import { useQueryStates } from 'nuqs';
import { CopyLinkButton } from '@/components/ui/copy-link-button.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { SimulatedBanner } from '@/components/ui/simulated-banner.tsx';
import { addMonths, toMonthKey } from '@/lib/format.ts';
import { useForecast } from '@/lib/hooks/use-forecast.ts';
import { useModel } from '@/lib/hooks/use-model.ts';
import { useSeries } from '@/lib/hooks/use-series.ts';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { ModelDetail } from '@/lib/schemas/models.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';
import { modelViewParsers, RANGE_MONTHS } from '@/lib/url-state.ts';
import { BadgePanel } from './badge-panel.tsx';
import { CohortPanel } from './cohort-panel.tsx';
import { DerivativesPanel } from './derivatives-panel.tsx';
import { GrowthPanel } from './growth-panel.tsx';
import { ModelHeader } from './model-header.tsx';
import { ParameterPanel } from './parameter-panel.tsx';
import { TrackRecordPanel } from './track-record-panel.tsx';
import { type ModelViewState, ViewControls } from './view-controls.tsx';

// An as-of forecast needs 3 observed months (the API's minimum) and cannot be later than the last complete point.
function asofRange(series: SeriesView): { min: string; max: string } | null {
  const complete = series.lastPartial ? series.points.slice(0, -1) : series.points;
  const last = complete.at(-1);
  if (!last) return null;
  return { min: addMonths(series.startDate, 3), max: toMonthKey(last.date) };
}

export interface ModelViewProps {
  repoId: string;
  /** What the server rendered the first paint with, for the URL state it read. */
  initial: {
    view: ModelViewState;
    detail: ModelDetail;
    series: SeriesView | null;
    forecast: ForecastView | null;
  };
}

/** The model page: growth chart with forecast, parameters, cohort, track record and derivatives. */
export function ModelView({ repoId, initial }: ModelViewProps) {
  const [view, setView] = useQueryStates(modelViewParsers);
  const detail = useModel(repoId, initial.detail).data ?? initial.detail;
  const metric = detail.metrics.includes(view.metric) ? view.metric : (detail.metrics[0] ?? 'all');
  const sameForecast =
    metric === initial.view.metric && view.fc === initial.view.fc && view.asof === initial.view.asof;
  const series = useSeries(repoId, metric, initial.series ?? undefined);
  const forecast = useForecast(
    repoId,
    { metric, fc: view.fc, asof: view.asof },
    sameForecast ? (initial.forecast ?? undefined) : undefined,
  );
  const log = view.scale === 'log';
  const derivativeMetric = metric === 'downloads' ? null : metric;
  const maxIndex = metric === 'downloads' ? null : RANGE_MONTHS[view.range];

  return (
    <div className="stack">
      <SimulatedBanner simulated={detail.simulated} />
      <ModelHeader detail={detail} />
      <div className="toolbar">
        <ViewControls
          detail={detail}
          view={{ ...view, metric }}
          onChange={(patch) => void setView(patch)}
          asofRange={series.data ? asofRange(series.data) : null}
        />
        <CopyLinkButton />
      </div>
      <QueryState
        query={series}
        label="The series"
        height={420}
        isEmpty={(s) => s.points.length === 0}
        emptyMessage="No observations for this metric yet."
      >
        {(s) => (
          <GrowthPanel
            series={s}
            // While another metric's forecast loads, the previous one must not be drawn over this series.
            forecast={forecast.data?.metric === s.metric ? forecast.data : null}
            mode={view.mode}
            log={log}
            band={view.band}
            maxIndex={maxIndex}
            asof={view.asof}
          />
        )}
      </QueryState>
      {forecast.isError && (
        <p className="notice notice-error" role="alert">
          The forecast could not be computed: {forecast.error.message}
        </p>
      )}
      {forecast.data?.metric === metric && (
        <ParameterPanel forecast={forecast.data} paperFit={detail.paperFit} />
      )}
      {derivativeMetric && series.data && (
        <div className="two-col">
          <CohortPanel repoId={repoId} metric={derivativeMetric} series={series.data} log={log} />
          <TrackRecordPanel
            repoId={repoId}
            metric={derivativeMetric}
            startDate={series.data.startDate}
            log={log}
            band={view.band}
          />
        </div>
      )}
      <DerivativesPanel repoId={repoId} />
      <BadgePanel repoId={repoId} />
    </div>
  );
}
