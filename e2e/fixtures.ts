import { type APIRequestContext, test as base, expect, type Locator, type Page } from '@playwright/test';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';

/** Real paper-data models the specs use (ids as in ../shared/data/paper/2025-02-18/finetune/). */
export const MODELS = {
  qwen: 'Qwen/Qwen1.5-0.5B',
  gemma: 'google/gemma-2b',
  llama: 'meta-llama/Llama-2-7b-hf',
  /** One of the 830 models with daily downloads in the paper's data. */
  withDownloads: 'Qwen/Qwen2.5-1.5B-Instruct',
} as const;

type Fixtures = {
  /** Console messages that are expected in a spec (e.g. the 404 of a not-found page). */
  allowedConsoleErrors: RegExp[];
  /** Collects console errors and uncaught exceptions; the test fails if any remain at the end. */
  consoleErrors: string[];
  api: Api;
};

// The dev server's hot-reload socket is not part of the app (only seen when E2E_BASE_URL is a dev server).
const DEV_NOISE = [/_next\/(webpack-)?hmr/, /WebSocket connection/];

export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async json<T>(path: string): Promise<T> {
    const response = await this.request.get(path);
    expect(response.ok(), `${path} → ${response.status()}`).toBeTruthy();
    return (await response.json()) as T;
  }

  series(repoId: string, query = ''): Promise<SeriesView> {
    return this.json<SeriesView>(`/api/models/${repoId}/series${query}`);
  }

  forecast(repoId: string, query = ''): Promise<ForecastView> {
    return this.json<ForecastView>(`/api/models/${repoId}/forecast${query}`);
  }
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      const allowed = [...DEV_NOISE, ...allowedConsoleErrors];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // "Failed to load resource" names no URL in its text; the location does.
        const text = `${message.text()} ${message.location().url}`.trim();
        if (!allowed.some((re) => re.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
  api: async ({ request }, use) => {
    await use(new Api(request));
  },
});

export { parseCsv } from '@/test/helpers/csv.ts';
export { expect };

/** The chart frame titled `title` (a <figure> labelled by its heading). */
export function chart(page: Page, title: string | RegExp): Locator {
  return page.getByRole('figure', { name: title });
}

/** Switches a chart frame to its table view and returns the table. */
export async function tableOf(frame: Locator): Promise<Locator> {
  await frame.getByRole('tab', { name: 'Table' }).click();
  const table = frame.locator('table');
  await expect(table).toBeVisible();
  return table;
}

/** The raw (unformatted) numbers of one column of a chart's table view, in row order; null for empty cells. */
export async function columnValues(table: Locator, key: string): Promise<(number | null)[]> {
  const cells = await table
    .locator(`td[data-col="${key}"]`)
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value') ?? ''));
  return cells.map((v) => (v === '' ? null : Number(v)));
}
