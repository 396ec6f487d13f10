/** Placeholder of a chart's box while its code or data load. */
export function ChartSkeleton({ height = 320 }: { height?: number }) {
  return <div className="skeleton" style={{ height }} aria-hidden="true" />;
}
