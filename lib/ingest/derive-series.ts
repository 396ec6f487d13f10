// Monthly derivative series and daily download series derived, in SQL, from the lineage graph and the
// download snapshots. Called after a crawl and after a simulation; cheap to re-run (unchanged rows stay).
import type { Database } from '@/lib/db.ts';
import { valuesHashSql } from '@/lib/ingest/values-hash.ts';

export interface DeriveOptions {
  /** The present (default: now). Month k of a base counts derivatives created before createdAt + k months. */
  now?: Date;
}

export interface DeriveResult {
  /** Monthly series (5 per base: all, finetune, adapter, quantized, merge) written new or changed. */
  monthly: { inserted: number; updated: number };
  /** Daily download series written new or changed. */
  downloads: { inserted: number; updated: number };
}

/** timestamp(3) columns hold UTC wall time: pass instants as UTC text, never through the driver's local-time conversion. */
function utcText(date: Date): string {
  return date.toISOString().replace('Z', '');
}

// Month index at which a child starts to count: the smallest k with child < created + k months.
// age() gives whole months; the two comparisons correct its month-end rounding.
const MONTHLY_SQL = `
WITH base AS (
  SELECT h.id, h."createdAt" AS created, h.source,
         (EXTRACT(YEAR FROM age($1::timestamp, h."createdAt")) * 12
          + EXTRACT(MONTH FROM age($1::timestamp, h."createdAt")))::int AS full_months
  FROM "HubModel" h
  WHERE h."isBase" AND h."createdAt" IS NOT NULL AND h."createdAt" <= $1::timestamp
    AND (CASE WHEN $2::int[] IS NULL
              THEN (h.crawled OR h.source = 'simulated'
                    OR EXISTS (SELECT 1 FROM "LineageEdge" x WHERE x."parentId" = h.id))
              ELSE h.id = ANY($2::int[]) END)
),
span AS (
  SELECT b.*,
         b.created + make_interval(months => b.full_months) < $1::timestamp AS partial
  FROM base b
),
child AS (
  SELECT e."parentId" AS id, e.relation::text AS relation,
         CASE WHEN e."childCreatedAt" < s.created THEN 0 ELSE
           a.m0 + 1
           + (e."childCreatedAt" >= s.created + make_interval(months => a.m0 + 1))::int
           - (e."childCreatedAt" < s.created + make_interval(months => a.m0))::int
         END AS k
  FROM "LineageEdge" e
  JOIN span s ON s.id = e."parentId"
  CROSS JOIN LATERAL (
    SELECT (EXTRACT(YEAR FROM age(e."childCreatedAt", s.created)) * 12
            + EXTRACT(MONTH FROM age(e."childCreatedAt", s.created)))::int AS m0
  ) a
  WHERE e."childCreatedAt" IS NOT NULL AND e."childCreatedAt" < $1::timestamp
),
hist AS (
  SELECT id, metric, k, count(*) AS n
  FROM (SELECT id, relation AS metric, k FROM child UNION ALL SELECT id, 'all', k FROM child) x
  GROUP BY id, metric, k
),
grid AS (
  SELECT s.id, s.created, s.partial, s.source, m.metric, k
  FROM span s
  CROSS JOIN (VALUES ('all'), ('finetune'), ('adapter'), ('quantized'), ('merge')) AS m(metric)
  CROSS JOIN LATERAL generate_series(0, s.full_months + s.partial::int) AS k
),
cum AS (
  SELECT g.id, g.created, g.partial, g.source, g.metric, g.k,
         sum(coalesce(h.n, 0)) OVER (PARTITION BY g.id, g.metric ORDER BY g.k) AS c
  FROM grid g LEFT JOIN hist h ON h.id = g.id AND h.metric = g.metric AND h.k = g.k
),
arr AS (
  SELECT id, metric, min(created) AS created, bool_or(partial) AS partial,
         (CASE WHEN min(source::text) = 'simulated' THEN 'simulated' ELSE 'hub' END) AS source,
         array_agg(c::float8 ORDER BY k) AS vals
  FROM cum GROUP BY id, metric
)
INSERT INTO "Series" ("modelId", metric, granularity, source, "startDate", "values", "lastPartial", "valuesHash", "updatedAt")
SELECT id, metric::"Metric", 'month', source::"DataSource", created, vals, partial, ${valuesHashSql('vals')}, now()
FROM arr
ON CONFLICT ("modelId", metric) DO UPDATE SET
  granularity = EXCLUDED.granularity, source = EXCLUDED.source, "startDate" = EXCLUDED."startDate",
  "values" = EXCLUDED."values", "lastPartial" = EXCLUDED."lastPartial", "valuesHash" = EXCLUDED."valuesHash",
  "updatedAt" = now()
WHERE "Series"."valuesHash" IS DISTINCT FROM EXCLUDED."valuesHash"
   OR "Series"."lastPartial" IS DISTINCT FROM EXCLUDED."lastPartial"
   OR "Series"."startDate" IS DISTINCT FROM EXCLUDED."startDate"
   OR "Series".granularity IS DISTINCT FROM EXCLUDED.granularity
RETURNING (xmax = 0) AS inserted`;

// Daily all-time downloads from the snapshots, one point per day from the first snapshot; a day
// without a snapshot carries the previous value. Series imported from the paper are left alone.
const DOWNLOADS_SQL = `
WITH snap AS (
  SELECT "modelId" AS id, day, "downloadsAllTime"::float8 AS v
  FROM "DownloadSnapshot"
  WHERE "downloadsAllTime" IS NOT NULL AND day <= $1::timestamp::date
    AND ($2::int[] IS NULL OR "modelId" = ANY($2::int[]))
),
span AS (SELECT id, min(day) AS first, max(day) AS last FROM snap GROUP BY id),
grid AS (
  SELECT s.id, s.first, d::date AS day
  FROM span s CROSS JOIN LATERAL generate_series(s.first::timestamp, s.last::timestamp, interval '1 day') AS d
),
marked AS (
  SELECT g.id, g.first, g.day, sn.v, count(sn.v) OVER (PARTITION BY g.id ORDER BY g.day) AS grp
  FROM grid g LEFT JOIN snap sn ON sn.id = g.id AND sn.day = g.day
),
filled AS (
  SELECT id, first, day, max(v) OVER (PARTITION BY id, grp) AS v FROM marked
),
arr AS (
  SELECT f.id, min(f.first) AS first, array_agg(f.v ORDER BY f.day) AS vals,
         (CASE WHEN min(h.source::text) = 'simulated' THEN 'simulated' ELSE 'hub' END) AS source
  FROM filled f JOIN "HubModel" h ON h.id = f.id
  GROUP BY f.id
)
INSERT INTO "Series" ("modelId", metric, granularity, source, "startDate", "values", "lastPartial", "valuesHash", "updatedAt")
SELECT id, 'downloads', 'day', source::"DataSource", first::timestamp, vals, false, ${valuesHashSql('vals')}, now()
FROM arr
ON CONFLICT ("modelId", metric) DO UPDATE SET
  source = EXCLUDED.source, "startDate" = EXCLUDED."startDate", "values" = EXCLUDED."values",
  "valuesHash" = EXCLUDED."valuesHash", "updatedAt" = now()
WHERE "Series".source <> 'paper'
  AND ("Series"."valuesHash" IS DISTINCT FROM EXCLUDED."valuesHash"
       OR "Series"."startDate" IS DISTINCT FROM EXCLUDED."startDate")
RETURNING (xmax = 0) AS inserted`;

function tally(rows: { inserted: boolean }[]): { inserted: number; updated: number } {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

/**
 * Derives, in SQL, the monthly cumulative series of base models from their direct children in
 * LineageEdge (metric all + one per relation; point k counts children created before createdAt + k
 * calendar months; the last point is the running month, marked lastPartial) and the daily download
 * series from DownloadSnapshot. Children without a creation date are not counted.
 *
 * Without `baseModelIds` it derives every base model that was crawled, simulated or has children (so
 * series imported from the paper for models we know nothing else about are not zeroed). Rows whose
 * values did not change are left untouched, so fits keyed on valuesHash stay valid.
 */
export async function deriveSeries(
  db: Database,
  baseModelIds?: number[],
  options: DeriveOptions = {},
): Promise<DeriveResult> {
  const now = utcText(options.now ?? new Date());
  const ids = baseModelIds ?? null;
  const monthly = await db.sql.query<{ inserted: boolean }>(MONTHLY_SQL, [now, ids]);
  const downloads = await db.sql.query<{ inserted: boolean }>(DOWNLOADS_SQL, [now, ids]);
  return { monthly: tally(monthly), downloads: tally(downloads) };
}
