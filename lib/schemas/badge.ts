// Shared-link images: the per-model SVG badge (README embeds) and the comparison preview.
import { z } from 'zod';
import { derivativeMetricSchema } from './common.ts';
import { repoIdListSchema } from './compare.ts';
import { FORECAST_HORIZON } from './forecast.ts';

export const badgeQuerySchema = z.object({
  metric: derivativeMetricSchema.default('all'),
  fc: z.coerce.number<number | string>().int().min(0).max(FORECAST_HORIZON.month.max).default(12),
});
export type BadgeQuery = z.infer<typeof badgeQuerySchema>;

/** GET /api/compare/image query: the page's m (1–10 repo ids joined by "~") and horizon. */
export const compareImageQuerySchema = z.object({
  m: repoIdListSchema,
  fc: z.coerce.number<number | string>().int().min(0).max(FORECAST_HORIZON.month.max).default(12),
});
export type CompareImageQuery = z.infer<typeof compareImageQuerySchema>;
