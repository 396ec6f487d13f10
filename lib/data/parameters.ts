import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { asFitStatus } from '@/lib/data/fits.ts';
import { getDb } from '@/lib/db.ts';
import type { ParametersQuery, ParametersView } from '@/lib/schemas/parameters.ts';

type Row = {
  repoId: string;
  org: string | null;
  lambda: number | null;
  mu: number | null;
  sigma: number | null;
  m: number | null;
  status: string;
  derivatives: number;
  asOf: number;
};

/**
 * GET /api/parameters (Fig. 2, Table 1): the latest fit of the chosen method for every base model's
 * series of the metric, largest models first; anything but status 'ok' is marked failed.
 */
export function listParameters(query: Omit<ParametersQuery, 'format'>): Promise<ParametersView> {
  return cached(
    `parameters:${query.method}:${query.metric}:${query.org ?? ''}`,
    async () => {
      const prisma = await getDb();
      const org = query.org ?? null;
      const rows = await prisma.$queryRaw<Row[]>`
      SELECT h."repoId", o.slug AS org, f.lambda, f.mu, f.sigma, f.m, f.status,
        coalesce(se.values[cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END)], 0)::float8 AS derivatives,
        f."asOf"
      FROM "Series" se
      JOIN "HubModel" h ON h.id = se."modelId" AND h."isBase"
      LEFT JOIN "OrgAuthor" oa ON oa.author = h.author
      LEFT JOIN "Organisation" o ON o.id = oa."orgId"
      JOIN LATERAL (
        SELECT fi.lambda, fi.mu, fi.sigma, fi.m, fi.status, fi."asOf" FROM "Fit" fi
        WHERE fi."seriesId" = se.id AND fi.method = ${query.method}
        ORDER BY fi."asOf" DESC LIMIT 1
      ) f ON true
      WHERE se.metric = ${query.metric}::"Metric" AND (${org}::text IS NULL OR o.slug = ${org}::text)`;
      const items = rows
        .map((r) => {
          const status = asFitStatus(r.status);
          return { ...r, status, failed: status !== 'ok' };
        })
        .sort((a, b) => b.derivatives - a.derivatives || a.repoId.localeCompare(b.repoId));
      const byStatus: Record<string, number> = {};
      for (const item of items) byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
      return {
        method: query.method,
        metric: query.metric,
        unit: query.method === 'paper-published' ? 'year' : 'month',
        items,
        byStatus,
      };
    },
    { fits: true },
  );
}
