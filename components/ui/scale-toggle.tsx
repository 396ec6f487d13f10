import { Segmented } from './segmented.tsx';

/** Log or linear y axis (URL parameter `scale`). */
export function ScaleToggle({
  value,
  onChange,
}: {
  value: 'log' | 'linear';
  onChange: (scale: 'log' | 'linear') => void;
}) {
  return (
    <Segmented
      label="Scale"
      value={value}
      options={[
        { value: 'log', label: 'Log' },
        { value: 'linear', label: 'Linear' },
      ]}
      onChange={onChange}
    />
  );
}
