import { type ReactNode, useId, useRef, useState } from 'react';
import { slugify } from '@/lib/format.ts';
import { chartSvgMarkup, downloadCsv, downloadPng, downloadSvg } from './chart-export.ts';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTable } from './chart-table.tsx';
import type { ChartColumn, ChartRow, LegendItem } from './chart-types.ts';

export interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  /** Download name without extension; defaults to the title. */
  filename?: string;
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
  legend?: readonly LegendItem[];
  height?: number;
  /** A line under the chart, e.g. "Forecast as of Mar 2024". */
  note?: ReactNode;
  /** Chart-specific controls (scale toggles) shown in the header. */
  controls?: ReactNode;
  /** The Recharts chart; it fills the frame's box (`responsive` with 100% width and height). */
  children: ReactNode;
}

/**
 * The one chart wrapper: title, size, legend, chart/table tabs and CSV/PNG/SVG downloads. Charts inside it
 * only compose Recharts primitives; the table rows are the same numbers the chart draws (and the API returns).
 */
export function ChartFrame({
  title,
  description,
  filename,
  columns,
  rows,
  legend = [],
  height = 320,
  note,
  controls,
  children,
}: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const name = slugify(filename ?? title);

  function exportImage(kind: 'svg' | 'png') {
    setExportError(null);
    const markup = chartRef.current ? chartSvgMarkup(chartRef.current, title, legend) : null;
    if (!markup) {
      setExportError('The chart is not drawn yet.');
      return;
    }
    if (kind === 'svg') downloadSvg(markup, name);
    else downloadPng(markup, name).catch((error: unknown) => setExportError(String(error)));
  }

  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`}>
      <header className="chart-header">
        <div>
          <h3 id={`${id}-title`} className="chart-title">
            {title}
          </h3>
          {description && <p className="chart-description">{description}</p>}
        </div>
        <div className="chart-actions">
          {controls}
          <div className="segmented" role="tablist" aria-label={`${title}: view`}>
            <button
              type="button"
              role="tab"
              id={`${id}-tab-chart`}
              aria-selected={view === 'chart'}
              aria-controls={`${id}-panel-chart`}
              onClick={() => setView('chart')}
            >
              Chart
            </button>
            <button
              type="button"
              role="tab"
              id={`${id}-tab-table`}
              aria-selected={view === 'table'}
              aria-controls={`${id}-panel-table`}
              onClick={() => setView('table')}
            >
              Table
            </button>
          </div>
          <fieldset className="button-group">
            <legend className="visually-hidden">{`${title}: download`}</legend>
            <button
              type="button"
              className="button-small"
              onClick={() => downloadCsv(columns, rows, name)}
              aria-label={`Download ${title} as CSV`}
            >
              CSV
            </button>
            <button
              type="button"
              className="button-small"
              onClick={() => exportImage('png')}
              disabled={view !== 'chart'}
              aria-label={`Download ${title} as PNG`}
            >
              PNG
            </button>
            <button
              type="button"
              className="button-small"
              onClick={() => exportImage('svg')}
              disabled={view !== 'chart'}
              aria-label={`Download ${title} as SVG`}
            >
              SVG
            </button>
          </fieldset>
        </div>
      </header>
      {view === 'chart' ? (
        <div id={`${id}-panel-chart`} role="tabpanel" aria-labelledby={`${id}-tab-chart`}>
          <div ref={chartRef} className="chart-area" style={{ height }} data-testid="chart-area">
            {children}
          </div>
          <ChartLegend items={legend} />
        </div>
      ) : (
        <div id={`${id}-panel-table`} role="tabpanel" aria-labelledby={`${id}-tab-table`}>
          <ChartTable caption={title} columns={columns} rows={rows} />
        </div>
      )}
      {note && <figcaption className="chart-note">{note}</figcaption>}
      {exportError && (
        <p role="alert" className="error-text small">
          {exportError}
        </p>
      )}
    </figure>
  );
}
