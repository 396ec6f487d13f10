import { expect, test } from './fixtures.ts';

test('health reports the embedded database with migrations applied and the paper data loaded', async ({
  request,
}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    database: { mode: string };
    migrations: { pending: string[] };
    rows: Record<string, number>;
  };
  expect(body.database.mode).toBe('embedded');
  expect(body.migrations.pending).toEqual([]);
  expect(body.rows.Series).toBeGreaterThan(4000);
});
