import { expect, test } from './fixtures.ts';

// The browser logs the 404 document itself as a console error; that one is expected here.
test.use({ allowedConsoleErrors: [/status of 404/] });

const CASES = [
  { path: '/models/nobody/no-such-model', heading: 'Model not found', hint: /organisation\/name/ },
  { path: '/orgs/no-such-org', heading: 'Organisation not found', hint: /slug/ },
  { path: '/no/such/page', heading: 'Page not found', hint: /models/ },
];

for (const { path, heading, hint } of CASES) {
  test(`404 with a helpful message: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('main')).toContainText(hint);
  });
}
