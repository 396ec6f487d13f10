import dynamic from 'next/dynamic';
import { ChartFrame } from '@/components/chart/chart-frame.tsx';
import { ChartSkeleton } from '@/components/chart/chart-skeleton.tsx';
import type { ChartColumn, LegendItem } from '@/components/chart/chart-types.ts';
import { indexLabel } from '@/components/charts/axis.ts';
import { COLORS } from '@/components/charts/chart-theme.ts';
import { formatInteger, formatMonth } from '@/lib/format.ts';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';
import { buildGrowthRows } from './growth-rows.ts';

const GrowthChart = dynamic(() => import('@/components/charts/growth-chart.tsx').then((m) => m.GrowthChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={360} />,
});

const METRIC_NOUN: Record<SeriesView['metric'], string> = {
  all: 'derivatives',
  finetune: 'fine-tunes',
  adapter: 'adapters',
  quantized: 'quantizations',
  merge: 'merges',
  downloads: 'downloads',
};

interface GrowthPanelProps {
  series: SeriesView;
  forecast: ForecastView | null;
  mode: 'cum' | 'new';
  log: boolean;
  band: 80 | 95;
  maxIndex: number | null;
  asof: string | null;
}

const count = (v: unknown) => (typeof v === 'number' ? formatInteger(v) : '–');

/** The model's main chart: observed counts, fit, forecast band (Fig. 5; Figs. 9–10 for downloads). */
export function GrowthPanel({ series, forecast, mode, log, band, maxIndex, asof }: GrowthPanelProps) {
  const frozen = asof !== null;
  const rows = buildGrowthRows(series, forecast, { mode, band, maxIndex, frozen });
  const granularity = series.granularity;
  const noun = METRIC_NOUN[series.metric];
  const unit = granularity === 'month' ? 'month' : 'day';
  const bandLabel = `${band}% prediction interval`;
  const partialIndex = series.lastPartial && !frozen ? (series.points.at(-1)?.index ?? null) : null;
  const asOfLabel = frozen ? `forecast as of ${formatMonth(asof)}` : null;
  const hasPaper = rows.some((r) => r.paper !== null);
  const title =
    mode === 'cum'
      ? `Cumulative ${noun}${frozen ? ` — forecast as of ${formatMonth(asof)}` : ''}`
      : `New ${noun} per ${unit}${frozen ? ` — forecast as of ${formatMonth(asof)}` : ''}`;

  const columns: ChartColumn[] = [
    {
      key: 'date',
      label: granularity === 'month' ? 'month' : 'date',
      kind: 'text',
      format: (_, row) => indexLabel(series.startDate, Number(row.index), granularity),
    },
    { key: 'index', label: `${unit}s since release` },
    { key: 'actual', label: mode === 'cum' ? 'observed' : 'new (observed)', format: count },
    ...(partialIndex !== null ? [{ key: 'partial', label: `incomplete ${unit}`, format: count }] : []),
    ...(frozen ? [{ key: 'after', label: `observed since ${asof}`, format: count }] : []),
    { key: 'fitted', label: 'fitted', format: count },
    { key: 'mean', label: 'forecast', format: count },
    ...(mode === 'cum'
      ? [
          { key: 'lo', label: `lo${band}`, format: count },
          { key: 'hi', label: `hi${band}`, format: count },
        ]
      : []),
    ...(hasPaper ? [{ key: 'paper', label: "paper's fit", format: count }] : []),
  ];

  const legend: LegendItem[] = [
    {
      label: mode === 'cum' ? 'Observed' : 'Observed (bars)',
      color: COLORS.data,
      mark: mode === 'cum' ? 'dot' : 'bar',
    },
    ...(partialIndex !== null
      ? [{ label: `Incomplete ${unit} (not fitted)`, color: COLORS.data, mark: 'hollow' as const }]
      : []),
    ...(frozen
      ? [
          {
            label: `Observed since ${formatMonth(asof)}`,
            color: COLORS.after,
            mark: mode === 'cum' ? ('hollow' as const) : ('bar' as const),
          },
        ]
      : []),
    { label: 'Fitted curve', color: COLORS.fit, mark: 'line' },
    { label: 'Forecast (mean)', color: COLORS.forecast, mark: 'dashed' },
    ...(mode === 'cum' ? [{ label: bandLabel, color: COLORS.forecast, mark: 'band' as const }] : []),
    ...(hasPaper ? [{ label: "Paper's published fit", color: COLORS.paper, mark: 'dotted' as const }] : []),
  ];

  const fitNote =
    forecast && forecast.fit.status !== 'ok' ? (
      <>
        The fit did not succeed ({forecast.fit.status.replaceAll('_', ' ')}
        {forecast.fit.reason ? `: ${forecast.fit.reason}` : ''}); no curve is drawn where there are no
        parameters.
      </>
    ) : null;

  return (
    <ChartFrame
      title={title}
      filename={`${series.repoId} ${series.metric} ${mode}${asof ? ` asof ${asof}` : ''}`}
      description={
        mode === 'cum'
          ? `Cumulative number of ${noun} by ${unit} since the base model's release${log ? ' (log scale)' : ''}. The forecast is dashed; the shaded band is the ${bandLabel}.`
          : `${noun[0]?.toUpperCase()}${noun.slice(1)} added each ${unit}; the dashed line is the forecast's monthly increase.`
      }
      columns={columns}
      rows={rows}
      legend={legend}
      height={360}
      note={
        <>
          {frozen && (
            <strong className="asof-label" data-testid="asof-label">
              Forecast as of {formatMonth(asof)}: made with data up to the end of {formatMonth(asof)}; hollow
              points are what happened since.{' '}
            </strong>
          )}
          {partialIndex !== null && (
            <>The last {unit} is not over yet: it is shown hollow and kept out of the fit. </>
          )}
          {fitNote}
        </>
      }
    >
      <GrowthChart
        rows={rows}
        mode={mode}
        log={log}
        granularity={granularity}
        startDate={series.startDate}
        asOfIndex={frozen ? (forecast?.asOf.index ?? null) : null}
        asOfLabel={asOfLabel}
        partialIndex={partialIndex}
        bandLabel={bandLabel}
      />
    </ChartFrame>
  );
}
