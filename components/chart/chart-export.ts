/** Chart downloads: CSV from the table rows, SVG by serialising the rendered Recharts surface, PNG through a canvas. */
import { toCsv } from '@/lib/api/csv.ts';
import type { ChartColumn, ChartRow, LegendItem } from './chart-types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 32;
const LEGEND_HEIGHT = 26;
// Colours are CSS variables (themes): a standalone file has no stylesheet, so they become computed values.
const COLOR_PROPERTIES = ['fill', 'stroke', 'stop-color'] as const;

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(
  columns: readonly ChartColumn[],
  rows: readonly ChartRow[],
  filename: string,
): void {
  downloadBlob(
    new Blob(
      [
        toCsv(
          columns.map((c) => ({ header: c.label, value: (row: (typeof rows)[number]) => row[c.key] })),
          rows,
        ),
      ],
      { type: 'text/csv;charset=utf-8' },
    ),
    `${filename}.csv`,
  );
}

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Resolves `var(--x)` in a colour from the legend config. */
function resolveColor(color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color.trim());
  return match?.[1] ? cssVariable(match[1]) || '#888' : color;
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function legendMarks(items: readonly LegendItem[], y: number, font: string, fg: string): SVGElement {
  const group = element('g', { transform: `translate(12, ${y})` });
  let x = 0;
  for (const item of items) {
    const color = resolveColor(item.color);
    if (item.mark === 'band' || item.mark === 'bar') {
      group.append(
        element('rect', {
          x,
          y: -6,
          width: 18,
          height: 12,
          fill: color,
          'fill-opacity': item.mark === 'band' ? 0.25 : 0.9,
        }),
      );
    } else if (item.mark === 'dot' || item.mark === 'hollow') {
      group.append(
        element('circle', {
          cx: x + 9,
          cy: 0,
          r: 3.5,
          fill: item.mark === 'dot' ? color : 'none',
          stroke: color,
          'stroke-width': 1.5,
        }),
      );
    } else {
      const dash = item.mark === 'dashed' ? '6 4' : item.mark === 'dotted' ? '2 3' : 'none';
      group.append(
        element('line', {
          x1: x,
          x2: x + 18,
          y1: 0,
          y2: 0,
          stroke: color,
          'stroke-width': 2,
          'stroke-dasharray': dash,
        }),
      );
    }
    const label = element(
      'text',
      { x: x + 24, y: 4, fill: fg, 'font-size': 12, 'font-family': font },
      item.label,
    );
    group.append(label);
    x += 24 + item.label.length * 6.6 + 18;
  }
  return group;
}

/** A standalone SVG document of the chart in `container`, with its title and legend drawn in. */
export function chartSvgMarkup(
  container: HTMLElement,
  title: string,
  legend: readonly LegendItem[],
): string | null {
  const source = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!source) return null;
  const width = source.width.baseVal.value || source.clientWidth;
  const height = source.height.baseVal.value || source.clientHeight;
  const clone = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    for (const property of COLOR_PROPERTIES) {
      if (copy.getAttribute(property)?.includes('var('))
        copy.setAttribute(property, computed.getPropertyValue(property));
    }
    if (copy.getAttribute('style')?.includes('var(')) copy.removeAttribute('style');
    // Text takes its font from the page's stylesheet, which the file does not carry.
    if (original instanceof SVGTextElement) {
      copy.setAttribute('font-family', computed.fontFamily);
      copy.setAttribute('font-size', computed.fontSize);
      copy.setAttribute('fill', computed.fill);
    }
  });
  const bg = cssVariable('--bg') || '#fff';
  const fg = cssVariable('--fg') || '#111';
  const font = getComputedStyle(container).fontFamily || 'sans-serif';
  const total = height + TITLE_HEIGHT + (legend.length ? LEGEND_HEIGHT : 0);
  const svg = element('svg', {
    xmlns: SVG_NS,
    width,
    height: total,
    viewBox: `0 0 ${width} ${total}`,
  }) as SVGSVGElement;
  svg.append(element('rect', { x: 0, y: 0, width, height: total, fill: bg }));
  svg.append(
    element(
      'text',
      { x: 12, y: 21, fill: fg, 'font-size': 15, 'font-weight': 600, 'font-family': font },
      title,
    ),
  );
  const body = element('g', { transform: `translate(0, ${TITLE_HEIGHT})` });
  clone.removeAttribute('class');
  body.append(clone);
  svg.append(body);
  if (legend.length) svg.append(legendMarks(legend, TITLE_HEIGHT + height + LEGEND_HEIGHT / 2, font, fg));
  return new XMLSerializer().serializeToString(svg);
}

export function downloadSvg(markup: string, filename: string): void {
  downloadBlob(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
}

/** Rasterises the SVG markup at twice its size (crisp on high-density screens). */
export async function downloadPng(markup: string, filename: string): Promise<void> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart image could not be rendered.'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas is not available.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be encoded.');
    downloadBlob(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
