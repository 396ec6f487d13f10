import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { getDb } from '@/lib/db.ts';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import type { EcosystemQuery, EcosystemView } from '@/lib/schemas/ecosystem.ts';

/**
 * GET /api/ecosystem: new derivatives per calendar month split by the base model's creation cohort
 * (Fig. 1), and the cumulative curves by age of base models with at least `min` derivatives (Fig. 4).
 * Monthly 'all' series of base models, complete months only.
 */
export function getEcosystem(query: EcosystemQuery): Promise<EcosystemView> {
  return cached(`ecosystem:${query.cohort}:${query.min}`, async () => {
    const prisma = await getDb();
    const cohortFormat = query.cohort === 'quarter' ? 'YYYY-"Q"Q' : 'YYYY';
    const [newPerMonth, curves, [totals]] = await Promise.all([
      prisma.$queryRaw<EcosystemView['newPerMonth']>`
        WITH ${baseSeries()}
        SELECT to_char(date_trunc('month', b."startDate") + (u.ord - 1) * interval '1 month', 'YYYY-MM') AS month,
          to_char(b."startDate", ${cohortFormat}) AS cohort,
          sum(u.v - coalesce(b.values[u.ord - 1], 0))::float8 AS count
        FROM b, unnest(b.values) WITH ORDINALITY AS u(v, ord)
        WHERE u.ord <= b.n
        GROUP BY 1, 2 ORDER BY 1, 2`,
      prisma.$queryRaw<EcosystemView['curves']>`
        WITH ${baseSeries()}
        SELECT b."repoId", extract(year FROM b."startDate")::int AS "cohortYear", b.values[1:b.n] AS values
        FROM b WHERE b.n > 0 AND b.values[b.n] >= ${query.min}
        ORDER BY b."startDate", b."repoId"`,
      prisma.$queryRaw<{ baseModels: number; derivatives: number }[]>`
        WITH ${baseSeries()}
        SELECT count(*)::int AS "baseModels", coalesce(sum(b.values[b.n]), 0)::float8 AS derivatives FROM b`,
    ]);
    return {
      cohort: query.cohort,
      cohorts: [...new Set(newPerMonth.map((r) => r.cohort))].sort(),
      newPerMonth,
      curves: curves.map((c) => ({ ...c, values: c.values ?? [] })),
      totals: totals ?? { baseModels: 0, derivatives: 0 },
    };
  });
}

// CTE "b": monthly 'all' series of base models with their repo id; n = complete points.
function baseSeries() {
  return Prisma.sql`b AS (
    SELECT h."repoId", se."startDate", se.values,
      cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END) AS n
    FROM "Series" se JOIN "HubModel" h ON h.id = se."modelId" AND h."isBase"
    WHERE se.metric = 'all')`;
}
