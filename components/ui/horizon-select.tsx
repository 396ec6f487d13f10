/** Forecast horizon picker (URL parameter `fc`): the default is reported as null so it stays out of the URL. */
export function HorizonSelect({
  value,
  defaultValue,
  horizons,
  unit,
  onChange,
}: {
  value: number | null;
  defaultValue: number;
  /** Horizons offered; 0 reads "None". */
  horizons: readonly number[];
  unit: 'months' | 'days';
  onChange: (fc: number | null) => void;
}) {
  return (
    <label className="field">
      <span>Forecast</span>
      <select
        value={value ?? defaultValue}
        onChange={(event) => {
          const fc = Number(event.target.value);
          onChange(fc === defaultValue ? null : fc);
        }}
      >
        {horizons.map((h) => (
          <option key={h} value={h}>
            {h === 0 ? 'None' : `${h} ${unit}`}
          </option>
        ))}
      </select>
    </label>
  );
}
