import { expect, MODELS, test } from './fixtures.ts';

// Runs in the "postgres" project: the production server on a PostgreSQL database of its own.
test('health reports PostgreSQL with the paper data, and the home page renders from it', async ({
  page,
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const body = (await health.json()) as { database: { mode: string }; rows: Record<string, number> };
  expect(body.database.mode).toBe('postgres');
  expect(body.rows.Series).toBeGreaterThan(4000);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: MODELS.qwen, exact: true }).first()).toBeVisible();
});
