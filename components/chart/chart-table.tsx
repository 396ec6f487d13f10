import Link from 'next/link';
import type { ChartColumn, ChartRow } from './chart-types.ts';

const MAX_ROWS = 500;

/** The chart's data as a table (for screen readers and exact numbers). `data-value` keeps the unformatted number. */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
}) {
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <div className="chart-table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.kind === 'text' ? 'text' : 'num'}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            // Rows have no stable id beyond their position in the series.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={i}>
              {columns.map((column) => {
                const value = row[column.key];
                const text = column.format ? column.format(value, row) : value == null ? '–' : String(value);
                const href = column.href?.(row);
                return (
                  <td
                    key={column.key}
                    className={column.kind === 'text' ? 'text' : 'num'}
                    data-col={column.key}
                    data-value={value == null ? '' : String(value)}
                  >
                    {href ? <Link href={href}>{text}</Link> : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <p className="muted small">
          Showing the first {MAX_ROWS} of {rows.length} rows; the CSV download has them all.
        </p>
      )}
    </div>
  );
}
