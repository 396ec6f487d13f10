import { chart, expect, MODELS, test } from './fixtures.ts';

test('a shared link round-trips the whole view', async ({ page, context, browser }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/models/${MODELS.gemma}`);
  // Defaults are not in the URL.
  expect(new URL(page.url()).search).toBe('');
  await page.getByRole('group', { name: 'Scale' }).getByRole('button', { name: 'Linear' }).click();
  await page.getByRole('group', { name: 'Band' }).getByRole('button', { name: '95%' }).click();
  await page.getByRole('combobox', { name: 'Forecast', exact: true }).selectOption('24');
  await page
    .getByRole('group', { name: 'Show' })
    .getByRole('button', { name: /New per month/ })
    .click();
  await expect(page).toHaveURL(/scale=linear/);
  await expect(page).toHaveURL(/band=95/);
  await expect(page).toHaveURL(/fc=24/);
  await expect(page).toHaveURL(/mode=new/);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  // Open the copied link in a fresh context: same state, same chart.
  const fresh = await browser.newContext({ colorScheme: 'light' });
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(
    other.getByRole('group', { name: 'Scale' }).getByRole('button', { name: 'Linear' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    other.getByRole('group', { name: 'Band' }).getByRole('button', { name: '95%' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    other.getByRole('group', { name: 'Show' }).getByRole('button', { name: /New per month/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByRole('combobox', { name: 'Forecast', exact: true })).toHaveValue('24');
  await expect(chart(other, /^New derivatives per month/)).toBeVisible();
  await other.screenshot({ path: testInfo.outputPath('shared.png'), fullPage: true });
  await fresh.close();

  // Back to the defaults: the URL is clean again.
  await page.getByRole('group', { name: 'Scale' }).getByRole('button', { name: 'Log' }).click();
  await page.getByRole('group', { name: 'Band' }).getByRole('button', { name: '80%' }).click();
  await page.getByRole('combobox', { name: 'Forecast', exact: true }).selectOption('12');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Cumulative' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('compare links keep their models and alignment', async ({ page }) => {
  await page.goto(`/compare?m=${MODELS.qwen}~${MODELS.gemma}&align=release`);
  await expect(page.getByRole('list', { name: 'Compared models' }).getByRole('listitem')).toHaveCount(2);
  await expect(
    page.getByRole('group', { name: 'Align' }).getByRole('button', { name: 'By release' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: `Remove ${MODELS.gemma}` }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('m')).toBe(MODELS.qwen);
  await expect(page.getByRole('list', { name: 'Compared models' }).getByRole('listitem')).toHaveCount(1);
});
