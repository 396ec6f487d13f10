// Search box: base models by repo id and organisations by slug or name.
import { z } from 'zod';
import { intParam } from './common.ts';

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(100),
  limit: intParam(1, 20, 10),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  models: z.array(z.object({ repoId: z.string(), derivatives: z.number(), org: z.string().nullable() })),
  orgs: z.array(z.object({ slug: z.string(), name: z.string(), models: z.number().int() })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
