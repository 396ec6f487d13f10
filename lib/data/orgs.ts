import 'server-only';
import { notFound } from '@/lib/api/errors.ts';
import { isoDay } from '@/lib/api/month-index.ts';
import { gaussianKde, grid } from '@/lib/charts/kde.ts';
import { cached, clearDataCache } from '@/lib/data/cache.ts';
import { listModelSummaries } from '@/lib/data/models.ts';
import { getDb } from '@/lib/db.ts';
import { OUR_METHOD } from '@/lib/fitting/index.ts';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import {
  ORG_COMPARE_MONTHS,
  type OrgAuthorsResult,
  type OrgDetail,
  type OrgList,
  type OrgsCompare,
  type OrgsCompareQuery,
} from '@/lib/schemas/orgs.ts';
import { meanByAge } from '@/lib/stats/mean-by-age.ts';

/** Points of each density curve. */
const DENSITY_POINTS = 64;

/** GET /api/orgs: every organisation with its authors, base models, derivatives and median λ of our ok fits. */
export function listOrgs(): Promise<OrgList> {
  return cached(
    'orgs:list',
    async () => {
      const prisma = await getDb();
      const items = await prisma.$queryRaw<OrgList['items']>`
      WITH s AS (
        SELECT se.id, se."modelId",
          coalesce(se.values[cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END)], 0) AS last
        FROM "Series" se WHERE se.metric = 'all'
      )
      SELECT o.slug, o.name,
        coalesce((SELECT array_agg(a.author ORDER BY a.author) FROM "OrgAuthor" a WHERE a."orgId" = o.id), '{}') AS authors,
        count(s.id)::int AS models,
        coalesce(sum(s.last), 0)::float8 AS derivatives,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY f.lambda) FILTER (WHERE f.status = 'ok'))::float8 AS "medianLambda"
      FROM "Organisation" o
      LEFT JOIN "OrgAuthor" oa ON oa."orgId" = o.id
      LEFT JOIN "HubModel" h ON h.author = oa.author AND h."isBase"
      LEFT JOIN s ON s."modelId" = h.id
      LEFT JOIN LATERAL (
        SELECT fi.lambda, fi.status FROM "Fit" fi
        WHERE fi."seriesId" = s.id AND fi.method = ${OUR_METHOD}
        ORDER BY fi."asOf" DESC LIMIT 1
      ) f ON true
      GROUP BY o.id
      ORDER BY derivatives DESC, o.slug`;
      return { items };
    },
    { fits: true },
  );
}

/** GET /api/orgs/{slug}: the organisation's base models, their curves by age, and totals by age and calendar month. */
export function getOrgDetailOrThrow(slug: string): Promise<OrgDetail> {
  return cached(
    `orgs:detail:${slug}`,
    async () => {
      const prisma = await getDb();
      const org = await prisma.organisation.findUnique({
        where: { slug },
        include: { authors: { select: { author: true }, orderBy: { author: 'asc' } } },
      });
      if (!org) throw notFound(`organisation ${slug}: no such organisation`);
      const [summaries, curves, aggregate, calendar] = await Promise.all([
        listModelSummaries(),
        prisma.$queryRaw<{ repoId: string; startDate: Date; values: number[] }[]>`
        WITH ${orgSeries(org.id)}
        SELECT os."repoId", os."startDate", os.values[1:os.n] AS values FROM os
        ORDER BY os.values[os.n] DESC NULLS LAST, os."repoId"`,
        prisma.$queryRaw<OrgDetail['aggregate']>`
        WITH ${orgSeries(org.id)}
        SELECT (u.ord - 1)::int AS age, sum(u.v)::float8 AS total, count(*)::int AS n
        FROM os, unnest(os.values) WITH ORDINALITY AS u(v, ord)
        WHERE u.ord <= os.n
        GROUP BY u.ord ORDER BY u.ord`,
        prisma.$queryRaw<OrgDetail['calendar']>`
        WITH ${orgSeries(org.id)}
        SELECT to_char(date_trunc('month', os."startDate") + (u.ord - 1) * interval '1 month', 'YYYY-MM') AS month,
          sum(u.v)::float8 AS total
        FROM os, unnest(os.values) WITH ORDINALITY AS u(v, ord)
        WHERE u.ord <= os.n
        GROUP BY 1 ORDER BY 1`,
      ]);
      return {
        org: { slug: org.slug, name: org.name, authors: org.authors.map((a) => a.author) },
        models: summaries.filter((m) => m.org?.slug === slug),
        aggregate,
        calendar,
        curves: curves.map((c) => ({
          repoId: c.repoId,
          createdAt: isoDay(new Date(c.startDate)),
          values: c.values ?? [],
        })),
      };
    },
    { fits: true },
  );
}

// CTE "os": the monthly 'all' series of an organisation's base models; n = complete points.
function orgSeries(orgId: number) {
  return Prisma.sql`os AS (
    SELECT h."repoId", se."startDate", se.values,
      cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END) AS n
    FROM "Series" se
    JOIN "HubModel" h ON h.id = se."modelId" AND h."isBase"
    JOIN "OrgAuthor" oa ON oa.author = h.author AND oa."orgId" = ${orgId}
    WHERE se.metric = 'all')`;
}

type CompareRow = {
  org: string;
  lambda: number;
  mu: number | null;
  sigma: number | null;
  at: (number | null)[];
  observed: number[] | null;
};

/**
 * GET /api/orgs/compare (Fig. 3): for base models whose λ (our latest fit, or the paper's) lies in
 * [lambdaMin, lambdaMax], the kernel density per organisation of log10(1 + cumulative derivatives)
 * at 2, 6 and 12 months, and the parameter values per organisation.
 */
export function compareOrgs(query: Omit<OrgsCompareQuery, 'format'>): Promise<OrgsCompare> {
  const key = `orgs:compare:${query.method}:${query.lambdaMin}:${query.lambdaMax}:${query.orgs?.join(',') ?? ''}`;
  return cached(
    key,
    async () => {
      const prisma = await getDb();
      const months = [...ORG_COMPARE_MONTHS];
      const rows = await prisma.$queryRaw<CompareRow[]>`
      SELECT o.slug AS org, f.lambda, f.mu, f.sigma,
        ARRAY(SELECT CASE WHEN cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END) > mo
          THEN se.values[mo + 1] END FROM unnest(${months}::int[]) AS mo) AS at,
        se.values[1:cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END)] AS observed
      FROM "Series" se
      JOIN "HubModel" h ON h.id = se."modelId" AND h."isBase"
      JOIN "OrgAuthor" oa ON oa.author = h.author
      JOIN "Organisation" o ON o.id = oa."orgId"
      JOIN LATERAL (
        SELECT fi.lambda, fi.mu, fi.sigma FROM "Fit" fi
        WHERE fi."seriesId" = se.id AND fi.method = ${query.method}
        ORDER BY fi."asOf" DESC LIMIT 1
      ) f ON true
      WHERE se.metric = 'all' AND f.lambda BETWEEN ${query.lambdaMin} AND ${query.lambdaMax}
      ORDER BY o.slug, h."repoId"`;
      const wanted = query.orgs ? new Set(query.orgs) : null;
      const byOrg = new Map<string, CompareRow[]>();
      for (const row of rows) {
        if (wanted && !wanted.has(row.org)) continue;
        byOrg.set(row.org, [...(byOrg.get(row.org) ?? []), row]);
      }
      // PGlite's adapter reads a NULL inside a float8[] as NaN (PostgreSQL's gives null): accept both.
      const xs = (row: CompareRow, i: number) => {
        const value = row.at[i];
        return typeof value === 'number' && Number.isFinite(value) ? Math.log10(1 + value) : null;
      };
      const allX = rows.flatMap((r) => months.map((_, i) => xs(r, i))).filter((x): x is number => x !== null);
      const xGrid = grid(0, Math.max(1, ...allX) + 0.5, DENSITY_POINTS);
      const densities = [...byOrg].flatMap(([org, list]) =>
        months.map((month, i) => {
          const sample = list.map((r) => xs(r, i)).filter((x): x is number => x !== null);
          return { org, month, n: sample.length, points: sample.length ? gaussianKde(sample, xGrid) : [] };
        }),
      );
      const aggregates = [...byOrg].map(([org, list]) => ({ org, points: meanByAge(list) }));
      const params = [...byOrg].map(([org, list]) => ({
        org,
        n: list.length,
        lambda: list.map((r) => r.lambda),
        mu: list.flatMap((r) => (r.mu === null ? [] : [r.mu])),
        sigma: list.flatMap((r) => (r.sigma === null ? [] : [r.sigma])),
      }));
      return {
        method: query.method,
        lambdaMin: query.lambdaMin,
        lambdaMax: query.lambdaMax,
        months,
        densities,
        aggregates,
        params,
      };
    },
    { fits: true },
  );
}

/** Setting touched by every edit of the mapping: it moves the data fingerprint of every process. */
const ORG_AUTHORS_SETTING = 'edit.orgAuthors';

/**
 * PUT /api/orgs/{slug}/authors: makes `authors` the organisation's Hub authors. An author mapped to
 * another organisation moves here (reported in `moved`). Cached views are invalidated.
 */
export async function setOrgAuthorsOrThrow(slug: string, authors: string[]): Promise<OrgAuthorsResult> {
  const prisma = await getDb();
  const result = await prisma.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { slug } });
    if (!org) throw notFound(`organisation ${slug}: no such organisation`);
    const elsewhere = await tx.orgAuthor.findMany({
      where: { author: { in: authors }, orgId: { not: org.id } },
      include: { org: { select: { slug: true } } },
      orderBy: { author: 'asc' },
    });
    await tx.orgAuthor.deleteMany({ where: { orgId: org.id, author: { notIn: authors } } });
    await tx.orgAuthor.deleteMany({ where: { author: { in: elsewhere.map((a) => a.author) } } });
    await tx.orgAuthor.createMany({
      data: authors.map((author) => ({ author, orgId: org.id })),
      skipDuplicates: true,
    });
    const value = { slug, at: new Date().toISOString() };
    await tx.setting.upsert({
      where: { key: ORG_AUTHORS_SETTING },
      create: { key: ORG_AUTHORS_SETTING, value },
      update: { value },
    });
    return { slug, authors, moved: elsewhere.map((a) => ({ author: a.author, from: a.org.slug })) };
  });
  clearDataCache();
  return result;
}
