import type { CohortView } from '@/lib/schemas/cohort.ts';
import type { CompareView } from '@/lib/schemas/compare.ts';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';
import type { MethodsView } from '@/lib/schemas/methods.ts';
import type { ModelList } from '@/lib/schemas/models.ts';
import type { OrgDetail } from '@/lib/schemas/orgs.ts';
import type { ParametersView } from '@/lib/schemas/parameters.ts';
import { chart, columnValues, expect, MODELS, tableOf, test } from './fixtures.ts';

test.describe('every page renders its charts with the API’s points', () => {
  test('home: leaderboard and ecosystem', async ({ page, api }, testInfo) => {
    const [models, ecosystem] = await Promise.all([
      api.json<ModelList>('/api/models?limit=25'),
      api.json<EcosystemView>('/api/ecosystem'),
    ]);
    await page.goto('/');
    const rows = page.getByTestId('leaderboard').locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(25, models.total));
    await expect(rows.first()).toContainText(models.items[0]?.repoId ?? '');
    const bars = chart(page, 'New derivatives per month');
    await expect(bars.locator('.recharts-bar-rectangle').first()).toBeVisible();
    const curves = chart(page, 'Cumulative derivatives by age');
    await expect(curves.locator('.recharts-line')).toHaveCount(
      new Set(ecosystem.curves.map((c) => c.cohortYear)).size,
    );
    const table = await tableOf(bars);
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(500, ecosystem.newPerMonth.length));
    await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
  });

  for (const repoId of Object.values(MODELS)) {
    test(`model page: ${repoId}`, async ({ page, api }, testInfo) => {
      const [series, forecast] = await Promise.all([api.series(repoId), api.forecast(repoId)]);
      const complete = series.lastPartial ? series.points.length - 1 : series.points.length;
      await page.goto(`/models/${repoId}?scale=linear`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(repoId);
      const growth = chart(page, /^Cumulative derivatives/);
      // One dot per complete observed month; the incomplete month is drawn apart.
      await expect(growth.locator('circle.dot-actual')).toHaveCount(complete);
      await expect(growth.locator('circle.dot-partial')).toHaveCount(series.lastPartial ? 1 : 0);
      if (forecast.forecast.length > 0)
        await expect(
          growth.locator('.series-forecast path.recharts-line-curve, .series-forecast path').first(),
        ).toBeAttached();
      const table = await tableOf(growth);
      const indices = new Set([
        ...series.points.map((p) => p.index),
        ...forecast.forecast.map((p) => p.index),
        ...forecast.fitted.map((p) => p.index),
      ]);
      await expect(table.locator('tbody tr')).toHaveCount(indices.size);
      expect((await columnValues(table, 'actual')).filter((v) => v !== null)).toEqual(
        series.points.slice(0, complete).map((p) => p.value),
      );
      expect((await columnValues(table, 'mean')).filter((v) => v !== null)).toEqual(
        forecast.forecast.map((p) => p.mean),
      );

      const cohort = await api.json<CohortView>(`/api/models/${repoId}/cohort`);
      if (cohort.fan.length > 0) {
        const values = new Map(series.points.map((p) => [p.index, p.value]));
        const fan = chart(page, 'Cohort fan');
        await expect(fan.locator('circle.dot-model')).toHaveCount(
          cohort.fan.filter((f) => values.has(f.age)).length,
        );
      }
      await page.screenshot({ path: testInfo.outputPath('model.png'), fullPage: true });
    });
  }

  test('model page: downloads tab (Figs. 9–10)', async ({ page, api }) => {
    const detail = await api.json<{ metrics: string[] }>(`/api/models/${MODELS.withDownloads}`);
    test.skip(!detail.metrics.includes('downloads'), 'no download series for this model');
    const series = await api.series(MODELS.withDownloads, '?metric=downloads');
    await page.goto(`/models/${MODELS.withDownloads}?metric=downloads&scale=linear`);
    const growth = chart(page, /^Cumulative downloads/);
    const complete = series.lastPartial ? series.points.length - 1 : series.points.length;
    await expect(growth.locator('circle.dot-actual')).toHaveCount(complete);
  });

  test('organisation page: every base model’s curve', async ({ page, api }, testInfo) => {
    const org = await api.json<OrgDetail>('/api/orgs/qwen');
    await page.goto('/orgs/qwen');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(org.org.name);
    const curves = chart(page, /Cumulative derivatives of every/);
    // The largest 8 named, the rest bundled into one grey line.
    await expect(curves.locator('.recharts-line')).toHaveCount(
      Math.min(8, org.curves.length) + (org.curves.length > 8 ? 1 : 0),
    );
    await expect(page.getByTestId('org-models').locator('tbody tr')).toHaveCount(
      Math.min(50, org.models.length),
    );
    const aggregate = await tableOf(chart(page, 'Aggregate by age'));
    expect(await columnValues(aggregate, 'total')).toEqual(org.aggregate.map((a) => a.total));
    await page.screenshot({ path: testInfo.outputPath('org.png'), fullPage: true });
  });

  test('organisations compared (Fig. 3)', async ({ page, api }, testInfo) => {
    const compare = await api.json<{
      months: number[];
      densities: { month: number; org: string; points: { x: number | null; density: number | null }[] }[];
      aggregates: { org: string; points: unknown[] }[];
    }>('/api/orgs/compare?lambdaMin=1&lambdaMax=10');
    await page.goto('/orgs');
    await expect(page.getByTestId('orgs-table').locator('tbody tr').first()).toBeVisible();
    for (const month of compare.months) {
      const n = compare.densities.filter(
        (d) => d.month === month && d.points.some((p) => p.x !== null && p.density !== null),
      ).length;
      expect(n).toBeGreaterThan(0);
      await expect(chart(page, `At ${month} months`).locator('.recharts-line')).toHaveCount(n);
    }
    const aggregates = compare.aggregates.filter((a) => a.points.length > 1).length;
    expect(aggregates).toBeGreaterThan(0);
    await expect(chart(page, 'Aggregate curves').locator('.recharts-line')).toHaveCount(aggregates);
    await page.screenshot({ path: testInfo.outputPath('orgs.png'), fullPage: true });
  });

  test('parameters (Fig. 2, Table 1)', async ({ page, api }, testInfo) => {
    const params = await api.json<ParametersView>('/api/parameters');
    await page.goto('/parameters');
    await expect(page.getByTestId('parameters-table').locator('tbody tr')).toHaveCount(
      Math.min(40, params.items.length),
    );
    const failed = params.items.slice(0, 40).filter((r) => r.failed).length;
    await expect(page.getByTestId('parameters-table').locator('.failed-mark')).toHaveCount(failed);
    await expect(chart(page, 'Histogram of λ').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('parameters.png'), fullPage: true });
  });

  test('compare: the models overlaid with their forecasts', async ({ page, api }, testInfo) => {
    const m = Object.values(MODELS).join('~');
    const data = await api.json<CompareView>(`/api/compare?m=${m}&align=calendar`);
    await page.goto(`/compare?m=${m}`);
    const frame = chart(page, /All derivatives, by calendar month/);
    // Observed and forecast line per model.
    await expect(frame.locator('.recharts-line')).toHaveCount(data.models.length * 2);
    const table = await tableOf(frame);
    const expected = data.models.reduce(
      (n, x) => n + x.series.points.length + (x.forecast?.forecast.length ?? 0),
      0,
    );
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(500, expected));
    await page.screenshot({ path: testInfo.outputPath('compare.png'), fullPage: true });
  });

  for (const [name, path] of [
    ['a model link', `/models/${MODELS.qwen}`],
    ['a comparison link', `/compare?m=${MODELS.qwen}~${MODELS.gemma}`],
  ]) {
    test(`${name} previews its chart (Open Graph image)`, async ({ page, request }) => {
      await page.goto(path);
      const content = await page.locator('meta[property="og:image"]').first().getAttribute('content');
      expect(content).toBeTruthy();
      const image = new URL(content ?? '', page.url());
      const response = await request.get(`${image.pathname}${image.search}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    });
  }

  test('methods: sources, backtest and calibration', async ({ page, api }) => {
    const methods = await api.json<MethodsView>('/api/methods');
    await page.goto('/methods');
    await expect(page.getByTestId('sources-table').locator('tbody tr')).toHaveCount(methods.sources.length);
    if (methods.backtest)
      await expect(page.getByTestId('backtest-table').locator('tbody tr')).toHaveCount(
        methods.backtest.methods.length,
      );
  });
});
