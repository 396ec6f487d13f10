import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { getDb } from '@/lib/db.ts';
import type { SearchQuery, SearchResult } from '@/lib/schemas/search.ts';

/**
 * GET /api/search: base models with a monthly series whose repo id contains q (names starting with
 * q first, then by derivatives), and organisations whose slug, name or a Hub author contains q.
 */
export function searchModelsAndOrgs(query: SearchQuery): Promise<SearchResult> {
  const q = query.q.toLowerCase();
  return cached(`search:${q}:${query.limit}`, async () => {
    const prisma = await getDb();
    const [models, orgs] = await Promise.all([
      prisma.$queryRaw<SearchResult['models']>`
        SELECT h."repoId",
          coalesce(se.values[cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END)], 0)::float8 AS derivatives,
          o.slug AS org
        FROM "HubModel" h
        JOIN "Series" se ON se."modelId" = h.id AND se.metric = 'all'
        LEFT JOIN "OrgAuthor" oa ON oa.author = h.author
        LEFT JOIN "Organisation" o ON o.id = oa."orgId"
        WHERE h."isBase" AND strpos(lower(h."repoId"), ${q}) > 0
        ORDER BY (strpos(lower(split_part(h."repoId", '/', 2)), ${q}) = 1) DESC, derivatives DESC, h."repoId"
        LIMIT ${query.limit}`,
      prisma.$queryRaw<SearchResult['orgs']>`
        SELECT o.slug, o.name, count(DISTINCT s.id)::int AS models
        FROM "Organisation" o
        LEFT JOIN "OrgAuthor" oa ON oa."orgId" = o.id
        LEFT JOIN "HubModel" h ON h.author = oa.author AND h."isBase"
        LEFT JOIN "Series" s ON s."modelId" = h.id AND s.metric = 'all'
        GROUP BY o.id
        HAVING strpos(lower(o.slug), ${q}) > 0 OR strpos(lower(o.name), ${q}) > 0
          OR bool_or(strpos(lower(oa.author), ${q}) > 0)
        ORDER BY models DESC, o.slug
        LIMIT ${query.limit}`,
    ]);
    return { models, orgs };
  });
}
