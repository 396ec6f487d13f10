import { describe, expect, test } from 'vitest';
import { buildBadgeSvg, buildChartSvg, chartPaths, escapeXml } from './sparkline-svg.ts';

const data = {
  history: [0, 10, 30, 60],
  forecast: [
    { mean: 80, lo80: 70, hi80: 100 },
    { mean: 95, lo80: 75, hi80: 120 },
  ],
};

describe('sparkline svg', () => {
  test('geometry spans the box: first point bottom-left, highest band top-right', () => {
    const p = chartPaths(data, { x: 0, y: 0, width: 50, height: 120 });
    expect(p.history.startsWith('M0 120')).toBe(true);
    expect(p.dots).toHaveLength(4);
    expect(p.band).toContain('L50 0');
    expect(p.forecast.startsWith(`M${p.dots[3].x} ${p.dots[3].y}`)).toBe(true);
  });

  test.each([
    [{ history: [], forecast: [] }],
    [{ history: [5], forecast: [] }],
    [
      {
        history: [0, Number.NaN, 3],
        forecast: [{ mean: Number.POSITIVE_INFINITY, lo80: 0, hi80: Number.NaN }],
      },
    ],
  ])('degenerate input %j still gives finite paths', (input) => {
    const p = chartPaths(input, { x: 0, y: 0, width: 10, height: 10 });
    expect(`${p.history}${p.forecast}${p.band}`).not.toMatch(/NaN|Infinity/);
  });

  test('badge: label, compact count, dashed forecast, escaped title', () => {
    const svg = buildBadgeSvg({ ...data, label: 'derivatives', value: 33592, title: 'a<b>/c & "d"' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>derivatives<');
    expect(svg).toContain('>33.6k<');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('<title>a&#60;b&#62;/c &#38; &#34;d&#34;</title>');
  });

  test('chart: one dot per observation', () => {
    const svg = buildChartSvg({ ...data, width: 1100, height: 400 });
    expect(svg.match(/<circle/g)).toHaveLength(4);
  });

  test('escapeXml', () => {
    expect(escapeXml(`<&>"'`)).toBe('&#60;&#38;&#62;&#34;&#39;');
  });
});

describe('shared scale', () => {
  test('span and top fix the axes whatever the data', () => {
    const p = chartPaths(
      { history: [0, 50], forecast: [] },
      { x: 0, y: 0, width: 100, height: 100 },
      { top: 100, span: 5 },
    );
    expect(p.history).toBe('M0 100L25 50');
  });
});
