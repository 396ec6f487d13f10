import { expect, MODELS, test } from './fixtures.ts';

// Security headers of pages, the API, and the images other sites may embed (badge, Open Graph images).
const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function directives(csp: string | undefined): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

const PAGES = ['/', `/models/${MODELS.qwen}`, '/admin', `/api/models/${MODELS.qwen}`];
const EMBEDS = [
  `/api/models/${MODELS.qwen}/badge.svg`,
  `/api/compare/image?m=${MODELS.qwen}`,
  `/models/${MODELS.qwen}/opengraph-image`,
];

for (const path of PAGES) {
  test(`${path}: same-origin CSP, no framing, nosniff, referrer and permissions policies`, async ({
    request,
  }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers).toMatchObject(COMMON);
    expect(headers['permissions-policy']).toContain('camera=()');
    const csp = directives(headers['content-security-policy']);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toMatch(/^'self' 'unsafe-inline'/);
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('connect-src')).toMatch(/^'self'/);
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(headers['x-powered-by']).toBeUndefined();
  });
}

for (const path of EMBEDS) {
  test(`${path}: embeddable anywhere (frame-ancestors *), still nosniff`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers).toMatchObject(COMMON);
    const csp = directives(headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toBe('*');
    expect(csp.get('default-src')).toBe("'self'");
  });
}

test('the admin page asks for the token and lists the jobs, with no CSP violation', async ({ page }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Token' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText(/import|fit/);
});

test('admin actions without a token are refused in the error shape', async ({ request }) => {
  const response = await request.post('/api/jobs', { data: { kind: 'fit' } });
  expect([401, 403]).toContain(response.status());
  const body = await response.json();
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
});

// The full admin flow needs the server's token: E2E_ADMIN_TOKEN (the server started with ADMIN_TOKEN).
const adminToken = process.env.E2E_ADMIN_TOKEN;
test('with the token: a refit starts, shows in the jobs list, and the token stays in the tab', async ({
  page,
}) => {
  test.skip(!adminToken, 'set E2E_ADMIN_TOKEN to the server ADMIN_TOKEN');
  await page.goto('/admin');
  await page.getByRole('textbox', { name: 'Token' }).fill(adminToken ?? '');
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.getByRole('button', { name: 'Start refit' }).click();
  await expect(page.getByText(/Started fit job \d+/)).toBeVisible();
  await expect(page.getByRole('table')).toContainText('fit');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Forget token' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisation' })).toBeVisible();
});
