import 'server-only';
import { notFound } from '@/lib/api/errors.ts';
import { cached } from '@/lib/data/cache.ts';
import { getCohortPercentiles } from '@/lib/data/cohort.ts';
import { asFitStatus } from '@/lib/data/fits.ts';
import { getDb } from '@/lib/db.ts';
import { OUR_METHOD } from '@/lib/fitting/index.ts';
import { PAPER_FIT_METHOD } from '@/lib/ingest/paper.ts';
import type { Metric } from '@/lib/schemas/common.ts';
import type {
  ModelDetail,
  ModelList,
  ModelSort,
  ModelSummary,
  ModelsQuery,
  RelationCounts,
} from '@/lib/schemas/models.ts';

const METRIC_ORDER: Metric[] = ['all', 'finetune', 'adapter', 'quantized', 'merge', 'downloads'];
const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;

export type ModelRef = { id: number; repoId: string; author: string; createdAt: Date | null };

type SummaryFields = {
  repoId: string;
  author: string;
  createdAt: Date | string | null;
  source: ModelSummary['source'];
  orgSlug: string | null;
  orgName: string | null;
  age: number | null;
  derivatives: number | null;
  growth3m: number | null;
  lambda: number | null;
  eventual: number | null;
  forecast12: number | null;
  percentile: number | null;
  fitStatus: ModelSummary['fitStatus'];
};

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toSummary(row: SummaryFields): ModelSummary {
  return {
    repoId: row.repoId,
    author: row.author,
    org: row.orgSlug && row.orgName ? { slug: row.orgSlug, name: row.orgName } : null,
    createdAt: toIso(row.createdAt),
    source: row.source,
    age: row.age,
    derivatives: finite(row.derivatives) ?? 0,
    growth3m: finite(row.growth3m),
    lambda: finite(row.lambda),
    eventual: finite(row.eventual),
    forecast12: finite(row.forecast12),
    percentile: finite(row.percentile),
    fitStatus: row.fitStatus,
  };
}

type SummaryRow = Omit<SummaryFields, 'percentile'> & { seriesId: number };

/** Leaderboard rows of base models with a monthly 'all' series, optionally only one model. */
async function querySummaries(modelId: number | null): Promise<ModelSummary[]> {
  const prisma = await getDb();
  const [rows, percentiles] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>`
      WITH s AS (
        SELECT se.id, se."modelId", se.values,
          cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END) AS n
        FROM "Series" se
        WHERE se.metric = 'all' AND se.granularity = 'month' AND (${modelId}::int IS NULL OR se."modelId" = ${modelId}::int)
      )
      SELECT s.id AS "seriesId", h."repoId", h.author, h."createdAt", h.source::text AS source,
        o.slug AS "orgSlug", o.name AS "orgName",
        CASE WHEN s.n > 0 THEN s.n - 1 END AS age,
        coalesce(s.values[s.n], 0)::float8 AS derivatives,
        CASE WHEN s.n > 0 THEN (s.values[s.n] - s.values[greatest(s.n - 3, 1)])::float8 END AS growth3m,
        f.lambda,
        CASE WHEN f.lambda < 700 THEN f.m * (exp(f.lambda) - 1) END AS eventual,
        (f.forecast -> 11 ->> 'mean')::float8 AS forecast12,
        f.status AS "fitStatus"
      FROM s
      JOIN "HubModel" h ON h.id = s."modelId"
      LEFT JOIN "OrgAuthor" oa ON oa.author = h.author
      LEFT JOIN "Organisation" o ON o.id = oa."orgId"
      -- The latest fit per series, one index probe each (the planner has no statistics on PGlite).
      LEFT JOIN LATERAL (
        SELECT fi.lambda, fi.m, fi.status, fi.forecast FROM "Fit" fi
        WHERE fi."seriesId" = s.id AND fi.method = ${OUR_METHOD}
        ORDER BY fi."asOf" DESC LIMIT 1
      ) f ON true
      WHERE h."isBase"`,
    getCohortPercentiles('all'),
  ]);
  return rows.map((row) => toSummary({ ...row, percentile: percentiles.get(row.seriesId) ?? null }));
}

/**
 * Every base model with a monthly 'all' series, summarised for the leaderboard (cached per data
 * and fits version). growth3m: derivatives added over the last 3 complete months; forecast12: our
 * latest fit's mean forecast 12 months after its as-of month; percentile: see getCohortPercentiles.
 */
export function listModelSummaries(): Promise<ModelSummary[]> {
  return cached('models:summaries', () => querySummaries(null), { fits: true });
}

const SORT_KEY: Record<ModelSort, (m: ModelSummary) => number | null> = {
  derivatives: (m) => m.derivatives,
  growth3m: (m) => m.growth3m,
  lambda: (m) => m.lambda,
  eventual: (m) => m.eventual,
  forecast12: (m) => m.forecast12,
  percentile: (m) => m.percentile,
};

/** The leaderboard: filter by text and organisation, sort (missing values last), page. */
export async function listModels(query: ModelsQuery): Promise<ModelList> {
  const all = await listModelSummaries();
  const q = query.q?.toLowerCase();
  const matches = all.filter(
    (m) => (!q || m.repoId.toLowerCase().includes(q)) && (!query.org || m.org?.slug === query.org),
  );
  const key = SORT_KEY[query.sort];
  const sign = query.dir === 'asc' ? 1 : -1;
  const sorted = matches
    .map((m) => ({ m, k: key(m) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === null ? (b.k === null ? 0 : 1) : -1;
      return sign * (a.k - b.k) || a.m.repoId.localeCompare(b.m.repoId);
    });
  return {
    items: sorted.slice(query.offset, query.offset + query.limit).map((s) => s.m),
    total: matches.length,
  };
}

/** Resolves a repo id (exact, then an old id that redirects, then case-insensitively); null if unknown. */
export async function findModel(repoId: string): Promise<ModelRef | null> {
  const prisma = await getDb();
  const select = { id: true, repoId: true, author: true, createdAt: true } as const;
  const exact = await prisma.hubModel.findUnique({ where: { repoId }, select });
  if (exact) return exact;
  const alias = await prisma.modelAlias.findUnique({
    where: { oldRepoId: repoId },
    select: { model: { select } },
  });
  if (alias) return alias.model;
  return prisma.hubModel.findFirst({ where: { repoId: { equals: repoId, mode: 'insensitive' } }, select });
}

/** Like findModel; throws not_found (404) naming the id. */
export async function getModelOrThrow(repoId: string): Promise<ModelRef> {
  const model = await findModel(repoId);
  if (!model) throw notFound(`model ${repoId}: no such model in the database`);
  return model;
}

/** The model page header: leaderboard summary, Hub metadata, available series, paper fit. */
export function getModelDetailOrThrow(repoId: string): Promise<ModelDetail> {
  return cached(
    `models:detail:${repoId}`,
    async () => {
      const ref = await getModelOrThrow(repoId);
      const prisma = await getDb();
      const [model, [own]] = await Promise.all([
        prisma.hubModel.findUniqueOrThrow({
          where: { id: ref.id },
          include: {
            series: { select: { id: true, metric: true, values: true, lastPartial: true } },
            aliases: { select: { oldRepoId: true } },
          },
        }),
        querySummaries(ref.id),
      ]);
      const allSeries = model.series.find((s) => s.metric === 'all');
      const paper = allSeries
        ? await prisma.fit.findFirst({
            where: { seriesId: allSeries.id, method: PAPER_FIT_METHOD },
            orderBy: { asOf: 'desc' },
            select: { lambda: true, mu: true, sigma: true, status: true },
          })
        : null;
      const org = await prisma.orgAuthor.findUnique({
        where: { author: model.author },
        select: { org: true },
      });
      const summary: ModelSummary = own ?? {
        repoId: model.repoId,
        author: model.author,
        org: org ? { slug: org.org.slug, name: org.org.name } : null,
        createdAt: toIso(model.createdAt),
        source: model.source,
        age: null,
        derivatives: 0,
        growth3m: null,
        lambda: null,
        eventual: null,
        forecast12: null,
        percentile: null,
        fitStatus: null,
      };
      return {
        ...summary,
        pipelineTag: model.pipelineTag,
        libraryName: model.libraryName,
        downloads30d: model.downloads30d === null ? null : Number(model.downloads30d),
        downloadsAllTime: model.downloadsAllTime === null ? null : Number(model.downloadsAllTime),
        likes: model.likes,
        metrics: METRIC_ORDER.filter((metric) => model.series.some((s) => s.metric === metric)),
        relations: relationCounts(model.series, model.childrenCount),
        simulated: model.source === 'simulated',
        paperFit:
          paper && paper.lambda !== null && paper.mu !== null && paper.sigma !== null
            ? { lambda: paper.lambda, mu: paper.mu, sigma: paper.sigma, status: asFitStatus(paper.status) }
            : null,
        aliases: model.aliases.map((a) => a.oldRepoId),
      };
    },
    { fits: true },
  );
}

function lastComplete(s: { values: number[]; lastPartial: boolean }): number {
  const n = s.values.length - (s.lastPartial ? 1 : 0);
  return n > 0 ? s.values[n - 1] : 0;
}

/** Per-relation counts from the relation series, else from the Hub's childrenCount; null if neither. */
function relationCounts(
  series: { metric: Metric; values: number[]; lastPartial: boolean }[],
  childrenCount: unknown,
): RelationCounts | null {
  const bySeries = RELATIONS.map((r) => series.find((s) => s.metric === r));
  if (bySeries.some(Boolean)) {
    const [finetune, adapter, quantized, merge] = bySeries.map((s) => (s ? lastComplete(s) : 0));
    return { finetune, adapter, quantized, merge };
  }
  if (childrenCount && typeof childrenCount === 'object') {
    const c = childrenCount as Record<string, unknown>;
    const n = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : 0);
    return { finetune: n('finetune'), adapter: n('adapter'), quantized: n('quantized'), merge: n('merge') };
  }
  return null;
}
