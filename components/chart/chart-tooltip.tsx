import type { TooltipContentProps } from 'recharts';

interface TooltipFormat {
  label?: (label: unknown) => string;
  value?: (value: number, name: string) => string;
}

/** Recharts tooltip content with the house formatting; hides series whose value is missing. */
export function ChartTooltipContent({ format, ...props }: TooltipContentProps & { format: TooltipFormat }) {
  const { label, value } = format;
  if (!props.active || !props.payload?.length) return null;
  const entries = props.payload.filter(
    (entry) => entry.value !== null && entry.value !== undefined && !entry.hide,
  );
  if (entries.length === 0) return null;
  const show = (v: unknown, name: string) => (value ? value(Number(v), name) : String(v));
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-label">{label ? label(props.label) : String(props.label ?? '')}</div>
      {entries.map((entry) => {
        const name = String(entry.name ?? entry.dataKey ?? '');
        // Range series (bands) carry [low, high].
        const text = Array.isArray(entry.value)
          ? entry.value.map((v) => show(v, name)).join(' – ')
          : show(entry.value, name);
        return (
          <div key={`${name}-${String(entry.dataKey)}`} className="chart-tooltip-row">
            <span
              className="chart-tooltip-swatch"
              style={{ background: entry.color ?? entry.stroke ?? 'currentColor' }}
            />
            <span>{name}</span>
            <span className="num">{text}</span>
          </div>
        );
      })}
    </div>
  );
}

/** A `content` prop for Recharts' <Tooltip> with the given formatting. */
export function chartTooltip(format: TooltipFormat) {
  return (props: TooltipContentProps) => <ChartTooltipContent {...props} format={format} />;
}
