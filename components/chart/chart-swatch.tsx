import type { LegendItem } from './chart-types.ts';

/** A legend key drawn in the series' own style. */
export function ChartSwatch({ item }: { item: LegendItem }) {
  if (item.mark === 'band' || item.mark === 'bar') {
    return (
      <svg width="18" height="12" aria-hidden="true">
        <rect
          width="18"
          height="12"
          rx="2"
          fill={item.color}
          fillOpacity={item.mark === 'band' ? 0.25 : 0.9}
        />
      </svg>
    );
  }
  if (item.mark === 'dot' || item.mark === 'hollow') {
    return (
      <svg width="18" height="12" aria-hidden="true">
        <circle
          cx="9"
          cy="6"
          r="3.5"
          fill={item.mark === 'dot' ? item.color : 'none'}
          stroke={item.color}
          strokeWidth="1.5"
        />
      </svg>
    );
  }
  const dash = item.mark === 'dashed' ? '6 4' : item.mark === 'dotted' ? '2 3' : undefined;
  return (
    <svg width="18" height="12" aria-hidden="true">
      <line x1="0" x2="18" y1="6" y2="6" stroke={item.color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}
