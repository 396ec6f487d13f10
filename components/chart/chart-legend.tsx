import { ChartSwatch } from './chart-swatch.tsx';
import type { LegendItem } from './chart-types.ts';

/** The chart's key, drawing each series' style (solid data, dashed forecast, shaded band). */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={`${item.label}-${item.mark}`}>
          <ChartSwatch item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
