// Open Graph preview images (1200×630 PNG) of one model or a comparison, drawn by next/og from
// our own numbers: title, current count, and the chart (dots, line, dashed forecast, 80% band).
import { ImageResponse } from 'next/og';
import { formatCount } from '@/lib/format.ts';
import { buildChartSvg, type ChartData } from './sparkline-svg.ts';

export const OG_SIZE = { width: 1200, height: 630 } as const;

const PALETTE = [
  '#1f6feb',
  '#d1242f',
  '#1a7f37',
  '#8250df',
  '#bf8700',
  '#0969da',
  '#cf222e',
  '#116329',
  '#6639ba',
  '#953800',
];

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export type OgModel = ChartData & {
  repoId: string;
  value: number;
  label: string;
  forecastEnd: number | null;
  horizon: number;
};

function Frame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: React.ReactNode;
}) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#fff',
        padding: 48,
        fontSize: 28,
        color: '#1f2328',
      }}
    >
      <div style={{ display: 'flex', fontSize: 52, fontWeight: 700 }}>{title}</div>
      <div style={{ display: 'flex', color: '#59636e', marginTop: 8 }}>{subtitle}</div>
      <div style={{ display: 'flex', flexGrow: 1, marginTop: 24 }}>{children}</div>
      <div style={{ display: 'flex', color: '#59636e', fontSize: 22 }}>
        Model Growth · solid: observed · dashed: forecast with 80% band
      </div>
    </div>
  );
}

/** One model: its cumulative curve and forecast. */
export function modelImage(model: OgModel | null): ImageResponse {
  if (!model)
    return new ImageResponse(
      <Frame title="Model not found" subtitle="Model Growth">
        {null}
      </Frame>,
      OG_SIZE,
    );
  const next =
    model.forecastEnd === null
      ? ''
      : ` · forecast ${formatCount(model.forecastEnd)} in ${model.horizon} months`;
  return new ImageResponse(
    <Frame title={model.repoId} subtitle={`${formatCount(model.value)} ${model.label}${next}`}>
      {/* biome-ignore lint/performance/noImgElement: next/og (Satori) draws plain <img>, not next/image */}
      <img
        alt=""
        width={1104}
        height={400}
        src={svgDataUri(buildChartSvg({ ...model, width: 1104, height: 400 }))}
      />
    </Frame>,
    OG_SIZE,
  );
}

/** Several models aligned by release, one colour each, drawn on a shared scale. */
export function compareImage(models: OgModel[]): ImageResponse {
  const span = Math.max(1, ...models.map((m) => m.history.length + m.forecast.length));
  // Scaled to the data and the mean forecasts: a wide band is clipped rather than flattening every curve.
  const top =
    1.15 *
    Math.max(
      1,
      ...models.flatMap((m) => [...m.history, ...m.forecast.map((f) => f.mean)]).filter(Number.isFinite),
    );
  // Layers on a shared scale, one per model, stacked in one box.
  const layers = models.map((m, i) => {
    const svg = buildChartSvg({
      ...m,
      width: 1104,
      height: 400,
      color: PALETTE[i % PALETTE.length],
      top,
      span,
    });
    return (
      // biome-ignore lint/performance/noImgElement: next/og (Satori) draws plain <img>, not next/image
      <img
        key={m.repoId}
        alt=""
        width={1104}
        height={400}
        src={svgDataUri(svg)}
        style={{ position: 'absolute', left: 0, top: 0 }}
      />
    );
  });
  const names = models.map((m, i) => (
    <span key={m.repoId} style={{ color: PALETTE[i % PALETTE.length], marginRight: 24 }}>
      {m.repoId}
    </span>
  ));
  return new ImageResponse(
    <Frame title="Derivatives compared" subtitle="">
      <div style={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', fontSize: 24 }}>{names}</div>
        <div style={{ display: 'flex', position: 'relative', width: 1104, height: 400, marginTop: 12 }}>
          {layers}
        </div>
      </div>
    </Frame>,
    OG_SIZE,
  );
}
