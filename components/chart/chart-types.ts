/** Shapes shared by the chart wrapper and the charts it frames. */

export type CellValue = string | number | boolean | null | undefined;
export type ChartRow = Record<string, CellValue>;

/** One column of a chart's table view and CSV file; `format` only affects the table, never the CSV. */
export interface ChartColumn {
  key: string;
  label: string;
  format?: (value: CellValue, row: ChartRow) => string;
  /** Text columns align left; numbers right. */
  kind?: 'text' | 'number';
  /** Renders the cell as a link (e.g. to a model page). */
  href?: (row: ChartRow) => string | null;
}

/** How a series is drawn, so the legend (and the exported image) can tell forecast from data by style. */
export type LegendMark = 'line' | 'dashed' | 'dotted' | 'dot' | 'hollow' | 'band' | 'bar';

export interface LegendItem {
  label: string;
  color: string;
  mark: LegendMark;
}
