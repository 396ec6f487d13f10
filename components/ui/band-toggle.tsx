import { Segmented } from './segmented.tsx';

/** Which prediction interval the forecast band shows (URL parameter `band`). */
export function BandToggle({ value, onChange }: { value: 80 | 95; onChange: (band: 80 | 95) => void }) {
  return (
    <Segmented
      label="Band"
      value={value}
      options={[
        { value: 80, label: '80%' },
        { value: 95, label: '95%' },
      ]}
      onChange={onChange}
    />
  );
}
