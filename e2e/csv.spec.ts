import { readFile } from 'node:fs/promises';
import { chart, expect, MODELS, parseCsv, test } from './fixtures.ts';

test('the growth chart’s CSV holds the API’s numbers', async ({ page, api }) => {
  const [series, forecast] = await Promise.all([api.series(MODELS.qwen), api.forecast(MODELS.qwen)]);
  await page.goto(`/models/${MODELS.qwen}`);
  const frame = chart(page, /^Cumulative derivatives/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: /as CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parseCsv(await readFile(await download.path(), 'utf8'));
  const byIndex = new Map(rows.map((r) => [Number(r['months since release']), r]));
  const complete = series.lastPartial ? series.points.slice(0, -1) : series.points;
  for (const p of complete) expect(Number(byIndex.get(p.index)?.observed)).toBe(p.value);
  for (const p of forecast.forecast) {
    const row = byIndex.get(p.index);
    expect(Number(row?.forecast)).toBe(p.mean);
    expect(Number(row?.lo80)).toBe(p.lo80);
    expect(Number(row?.hi80)).toBe(p.hi80);
  }
  for (const p of forecast.fitted) expect(Number(byIndex.get(p.index)?.fitted)).toBe(p.value);
});

test('PNG and SVG downloads are images of the chart', async ({ page }) => {
  await page.goto(`/models/${MODELS.gemma}`);
  const frame = chart(page, /^Cumulative derivatives/);
  await expect(frame.locator('svg.recharts-surface')).toBeVisible();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: /as SVG/ }).click(),
  ]);
  const svgText = await readFile(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Cumulative derivatives');
  // CSS variables are resolved: the file stands alone.
  expect(svgText).not.toContain('var(--');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: /as PNG/ }).click(),
  ]);
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});
