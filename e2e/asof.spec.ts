import { formatInteger } from '@/lib/format.ts';
import { chart, columnValues, expect, MODELS, tableOf, test } from './fixtures.ts';

const ASOF = '2024-06';

test('an asof link reproduces the forecast made then, with what happened since', async ({
  page,
  api,
}, testInfo) => {
  const forecast = await api.forecast(MODELS.qwen, `?asof=${ASOF}`);
  await page.goto(`/models/${MODELS.qwen}?asof=${ASOF}&scale=linear`);
  await expect(page.getByTestId('asof-label')).toContainText('Forecast as of Jun 2024');
  const frame = chart(page, /forecast as of Jun 2024/);
  await expect(frame.locator('circle.dot-after')).toHaveCount(forecast.actual.length);
  await page.screenshot({ path: testInfo.outputPath('asof.png'), fullPage: true });

  const table = await tableOf(frame);
  const means = (await columnValues(table, 'mean')).filter((v) => v !== null);
  expect(means).toEqual(forecast.forecast.map((p) => p.mean));
  expect((await columnValues(table, 'lo')).filter((v) => v !== null)).toEqual(
    forecast.forecast.map((p) => p.lo80),
  );
  expect((await columnValues(table, 'after')).filter((v) => v !== null)).toEqual(
    forecast.actual.map((p) => p.value),
  );
  // What the reader sees is the same number, formatted.
  const firstMean = forecast.forecast[0];
  if (firstMean)
    await expect(
      table
        .locator('td[data-col="mean"]')
        .filter({ hasText: formatInteger(firstMean.mean) })
        .first(),
    ).toBeVisible();

  // Reloading the link gives the same numbers (frozen forecasts are reproducible).
  await page.reload();
  const again = await tableOf(chart(page, /forecast as of Jun 2024/));
  expect((await columnValues(again, 'mean')).filter((v) => v !== null)).toEqual(means);
});
