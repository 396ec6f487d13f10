import { expect, MODELS, test } from './fixtures.ts';

test('Tab to the search, type, arrow and Enter open a model', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search models and organisations' });
  for (let i = 0; i < 20 && !(await search.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type('Qwen1.5-0.5', { delay: 30 });
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: MODELS.qwen }).first()).toBeVisible();
  const texts = await options.allTextContents();
  const target = texts.findIndex((t) => t.startsWith(MODELS.qwen) && !t.startsWith(`${MODELS.qwen}-`));
  expect(target).toBeGreaterThanOrEqual(0);
  // The first option is active; move down to the target (and back up once, so arrows are exercised).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  await expect(options.nth(target)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/models/${MODELS.qwen.replace('.', '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODELS.qwen);
});

test('chart controls are reachable and labelled', async ({ page }) => {
  await page.goto(`/models/${MODELS.gemma}`);
  for (const name of [/as CSV/, /as PNG/, /as SVG/])
    await expect(page.getByRole('button', { name }).first()).toBeVisible();
  const tableTab = page.getByRole('tab', { name: 'Table' }).first();
  await tableTab.focus();
  await page.keyboard.press('Enter');
  await expect(tableTab).toHaveAttribute('aria-selected', 'true');
});
