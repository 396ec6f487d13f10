import { BandToggle } from '@/components/ui/band-toggle.tsx';
import { HorizonSelect } from '@/components/ui/horizon-select.tsx';
import { ScaleToggle } from '@/components/ui/scale-toggle.tsx';
import { Segmented } from '@/components/ui/segmented.tsx';
import { formatCount } from '@/lib/format.ts';
import type { Metric } from '@/lib/schemas/common.ts';
import type { ModelDetail } from '@/lib/schemas/models.ts';
import { METRICS, type RangeKey } from '@/lib/url-state.ts';

export const METRIC_LABEL: Record<Metric, string> = {
  all: 'All derivatives',
  finetune: 'Fine-tunes',
  adapter: 'Adapters',
  quantized: 'Quantizations',
  merge: 'Merges',
  downloads: 'Downloads',
};

const MONTH_HORIZONS = [3, 6, 12, 24, 36];
const DAY_HORIZONS = [30, 60, 75, 120];

export interface ModelViewState {
  metric: Metric;
  mode: 'cum' | 'new';
  scale: 'log' | 'linear';
  range: RangeKey;
  fc: number | null;
  band: 80 | 95;
  asof: string | null;
}

interface ViewControlsProps {
  detail: ModelDetail;
  view: ModelViewState;
  onChange: (patch: Partial<ModelViewState>) => void;
  /** Months an as-of forecast can be made at (YYYY-MM), from the series; null while it loads. */
  asofRange: { min: string; max: string } | null;
}

/** The model page's view controls; every one of them is a URL parameter. */
export function ViewControls({ detail, view, onChange, asofRange }: ViewControlsProps) {
  const days = view.metric === 'downloads';
  const defaultFc = days ? 75 : 12;
  const horizons = days ? DAY_HORIZONS : MONTH_HORIZONS;
  const metricCount = (m: Metric) => {
    if (m === 'all') return detail.derivatives;
    if (m === 'downloads') return detail.downloadsAllTime;
    return detail.relations?.[m] ?? null;
  };
  return (
    <div className="controls">
      <div className="metric-tabs" role="tablist" aria-label="Metric">
        {METRICS.map((m) => {
          const available = detail.metrics.includes(m);
          const n = metricCount(m);
          return (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={view.metric === m}
              disabled={!available}
              title={available ? undefined : 'No series stored for this metric'}
              onClick={() => onChange({ metric: m, fc: null })}
            >
              {METRIC_LABEL[m]}
              {n !== null && n !== undefined && <span className="tab-count">{formatCount(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="control-row">
        <Segmented
          label="Show"
          value={view.mode}
          options={[
            { value: 'cum', label: 'Cumulative' },
            { value: 'new', label: `New per ${days ? 'day' : 'month'}` },
          ]}
          onChange={(mode) => onChange({ mode })}
        />
        <ScaleToggle value={view.scale} onChange={(scale) => onChange({ scale })} />
        {!days && (
          <Segmented
            label="Range"
            value={view.range}
            options={[
              { value: 'all', label: 'All' },
              { value: '1y', label: '1y' },
              { value: '2y', label: '2y' },
              { value: '3y', label: '3y' },
            ]}
            onChange={(range) => onChange({ range })}
          />
        )}
        <HorizonSelect
          value={view.fc}
          defaultValue={defaultFc}
          horizons={horizons}
          unit={days ? 'days' : 'months'}
          onChange={(fc) => onChange({ fc })}
        />
        <BandToggle value={view.band} onChange={(band) => onChange({ band })} />
        <label className="field">
          <span>As of</span>
          <input
            type="month"
            value={view.asof ?? ''}
            min={asofRange?.min}
            max={asofRange?.max}
            onChange={(event) => onChange({ asof: event.target.value || null })}
            aria-describedby="asof-help"
          />
        </label>
        {view.asof && (
          <button type="button" className="button-small" onClick={() => onChange({ asof: null })}>
            Latest
          </button>
        )}
        <span id="asof-help" className="visually-hidden">
          Freeze the forecast at the end of a past month to compare it with what happened since.
        </span>
      </div>
    </div>
  );
}
