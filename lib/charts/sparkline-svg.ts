// Small growth charts as SVG text (badges, Open Graph images): history, dashed forecast, 80% band.
// Pure functions of numbers; the same geometry serves the 20-px badge and the 1200×630 preview.
import { formatCount } from '@/lib/format.ts';

export type ForecastBand = { mean: number; lo80: number; hi80: number };

export type ChartData = {
  /** Cumulative values at index 0..K. */
  history: readonly number[];
  /** Forecast for K+1, K+2, … */
  forecast: readonly ForecastBand[];
};

export type Box = { x: number; y: number; width: number; height: number };

/** A shared scale for several charts drawn on top of each other: y from 0 to `top`, `span` index slots. */
export type Scale = { top?: number; span?: number };

export type ChartPaths = {
  /** Polyline through the history. */
  history: string;
  /** Dashed mean forecast from the last observed point. */
  forecast: string;
  /** Closed area between lo80 and hi80, from the last observed point. */
  band: string;
  /** Centres of the history points (data dots). */
  dots: { x: number; y: number }[];
};

const r = (v: number) => Math.round(v * 10) / 10;

/** Maps the data into `box` (linear y from 0 to the largest value shown; x by index) and returns SVG path data. */
export function chartPaths(data: ChartData, box: Box, scale: Scale = {}): ChartPaths {
  const n = scale.span ?? data.history.length + data.forecast.length;
  const finite = (v: number) => (Number.isFinite(v) ? Math.max(v, 0) : 0);
  const top =
    scale.top ?? Math.max(1, ...data.history.map(finite), ...data.forecast.map((f) => finite(f.hi80)));
  const x = (i: number) => r(box.x + (n > 1 ? (box.width * i) / (n - 1) : box.width / 2));
  const y = (v: number) => r(box.y + box.height - (box.height * finite(v)) / top);
  const dots = data.history.map((v, i) => ({ x: x(i), y: y(v) }));
  const line = (pts: { x: number; y: number }[]) =>
    pts.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join('');
  const K = data.history.length - 1;
  const last = K >= 0 ? data.history[K] : 0;
  const ahead = (pick: (f: ForecastBand) => number) =>
    data.forecast.map((f, h) => ({ x: x(K + 1 + h), y: y(pick(f)) }));
  const start = { x: x(Math.max(K, 0)), y: y(last) };
  const upper = [start, ...ahead((f) => f.hi80)];
  const lower = [start, ...ahead((f) => f.lo80)].reverse();
  return {
    history: line(dots),
    forecast: data.forecast.length ? line([start, ...ahead((f) => f.mean)]) : '',
    band: data.forecast.length ? `${line([...upper, ...lower])}Z` : '',
    dots,
  };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rough width of 11-px Verdana text, as shields.io estimates it. */
function textWidth(text: string): number {
  return Math.ceil(text.length * 6.6) + 10;
}

export type BadgeInput = ChartData & {
  /** Left-hand label, e.g. "derivatives". */
  label: string;
  /** The current count shown on the right. */
  value: number;
  /** Accessible title, e.g. "Qwen/Qwen2.5-7B: 1.2k derivatives". */
  title: string;
};

/** A shields-style badge: grey label, then a sparkline (history + dashed forecast + band) and the count. */
export function buildBadgeSvg(input: BadgeInput): string {
  const label = escapeXml(input.label);
  const count = escapeXml(formatCount(input.value));
  const lw = textWidth(input.label);
  const sw = 64;
  const cw = textWidth(formatCount(input.value));
  const width = lw + sw + cw;
  const p = chartPaths(input, { x: lw + 4, y: 3, width: sw - 8, height: 14 });
  const title = escapeXml(input.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${sw + cw}" height="20" fill="#1f6feb"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    p.band ? `<path d="${p.band}" fill="#fff" fill-opacity=".25"/>` : '',
    `<path d="${p.history}" fill="none" stroke="#fff" stroke-width="1.5" stroke-linejoin="round"/>`,
    p.forecast
      ? `<path d="${p.forecast}" fill="none" stroke="#fff" stroke-width="1.2" stroke-dasharray="2 1.5"/>`
      : '',
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${lw / 2}" y="14">${label}</text><text x="${lw + sw + cw / 2}" y="14">${count}</text></g>`,
    '</svg>',
  ].join('');
}

export type ChartSvgInput = ChartData & Scale & { width: number; height: number; color?: string };

/** A plain chart (dots, line, dashed forecast, 80% band) on a transparent background, for previews. */
export function buildChartSvg(input: ChartSvgInput): string {
  const color = input.color ?? '#1f6feb';
  const pad = 12;
  const p = chartPaths(
    input,
    { x: pad, y: pad, width: input.width - 2 * pad, height: input.height - 2 * pad },
    input,
  );
  const dotR = Math.max(2, Math.min(6, input.width / 160));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${input.width} ${input.height}">`,
    p.band ? `<path d="${p.band}" fill="${color}" fill-opacity=".15"/>` : '',
    `<path d="${p.history}" fill="none" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`,
    p.forecast
      ? `<path d="${p.forecast}" fill="none" stroke="${color}" stroke-width="3" stroke-dasharray="10 8"/>`
      : '',
    ...p.dots.map((d) => `<circle cx="${d.x}" cy="${d.y}" r="${dotR}" fill="${color}"/>`),
    '</svg>',
  ].join('');
}
