// Bulk, idempotent writes of Hub records: one statement per table and batch (unnest arrays), keyed on
// repoId / (childId, parentId) / (modelId, day), so replaying a batch after a crash changes nothing.
import type { SqlRunner } from '@/lib/migrations/apply.ts';

export type Source = 'hub' | 'hub_dump';
export type EdgeSourceName = 'tags' | 'card_data';

export interface ModelRow {
  repoId: string;
  hubId: string | null;
  author: string;
  createdAt: Date | null;
  pipelineTag: string | null;
  libraryName: string | null;
  downloads30d: number | null;
  downloadsAllTime: number | null;
  likes: number | null;
  gated: string | null;
  tags: string[];
  /** Null keeps what is stored (list items carry no counts). */
  childrenCount: Record<string, number> | null;
  isBase: boolean;
}

export interface StubRef {
  repoId: string;
  hubId?: string | null;
}

export interface EdgeRow {
  child: string;
  parent: string;
  relation: string;
  source: EdgeSourceName;
  childCreatedAt: Date | null;
}

// Tags travel as one string per row; the unit separator never occurs in a Hub tag.
export const TAG_SEPARATOR = '\u001f';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const big = (value: number | null) => (value === null ? null : String(Math.trunc(value)));

export function authorOf(repoId: string): string {
  const slash = repoId.indexOf('/');
  return slash > 0 ? repoId.slice(0, slash) : repoId;
}

/** Runs `fn` in one transaction on the driver connection (the crawler's writes plus its checkpoint). */
export async function withTransaction<T>(sql: SqlRunner, fn: () => Promise<T>): Promise<T> {
  await sql.exec('BEGIN');
  try {
    const result = await fn();
    await sql.exec('COMMIT');
    return result;
  } catch (error) {
    await sql.exec('ROLLBACK');
    throw error;
  }
}

/**
 * A model renamed on the Hub keeps its _id: move its stored row to the new repoId (merging a stub that
 * may already hold the new name) and remember the old name as an alias. Rare, so row by row.
 */
async function reconcileRenames(sql: SqlRunner, rows: ModelRow[]): Promise<void> {
  const withHubId = rows.filter((row) => row.hubId);
  if (withHubId.length === 0) return;
  const stored = await sql.query<{ id: number; repoId: string; hubId: string }>(
    'SELECT id, "repoId", "hubId" FROM "HubModel" WHERE "hubId" = ANY($1::text[])',
    [withHubId.map((row) => row.hubId)],
  );
  const wanted = new Map(withHubId.map((row) => [row.hubId, row.repoId]));
  for (const row of stored) {
    const repoId = wanted.get(row.hubId);
    if (!repoId || repoId === row.repoId) continue;
    await renameModel(sql, row.id, row.repoId, repoId);
  }
}

/** Moves model `id` from `oldRepoId` to `newRepoId`, folding any other row of that name into it. */
export async function renameModel(
  sql: SqlRunner,
  id: number,
  oldRepoId: string,
  newRepoId: string,
): Promise<void> {
  const [duplicate] = await sql.query<{ id: number }>(
    'SELECT id FROM "HubModel" WHERE "repoId" = $1 AND id <> $2',
    [newRepoId, id],
  );
  if (duplicate) {
    await sql.query(
      `INSERT INTO "LineageEdge" ("childId", "parentId", relation, source, "childCreatedAt")
       SELECT CASE WHEN "childId" = $1 THEN $2 ELSE "childId" END, CASE WHEN "parentId" = $1 THEN $2 ELSE "parentId" END,
              relation, source, "childCreatedAt"
       FROM "LineageEdge" WHERE ("childId" = $1 OR "parentId" = $1) AND "childId" <> "parentId"
       ON CONFLICT DO NOTHING`,
      [duplicate.id, id],
    );
    await sql.query('UPDATE "ModelAlias" SET "modelId" = $2 WHERE "modelId" = $1', [duplicate.id, id]);
    await sql.query('DELETE FROM "HubModel" WHERE id = $1', [duplicate.id]);
  }
  await sql.query('UPDATE "HubModel" SET "repoId" = $2, author = $3 WHERE id = $1', [
    id,
    newRepoId,
    authorOf(newRepoId),
  ]);
  await recordAlias(sql, oldRepoId, id);
}

export async function recordAlias(sql: SqlRunner, oldRepoId: string, modelId: number): Promise<void> {
  await sql.query(
    `INSERT INTO "ModelAlias" ("oldRepoId", "modelId") VALUES ($1, $2)
     ON CONFLICT ("oldRepoId") DO UPDATE SET "modelId" = EXCLUDED."modelId"`,
    [oldRepoId, modelId],
  );
}

/** Inserts or refreshes full records; returns repoId → id. */
export async function upsertModels(
  sql: SqlRunner,
  input: ModelRow[],
  source: Source,
): Promise<Map<string, number>> {
  // One row per repoId (a row may not be updated twice by one INSERT … ON CONFLICT).
  const rows = [...new Map(input.map((row) => [row.repoId, row])).values()];
  if (rows.length === 0) return new Map();
  if (source === 'hub') await reconcileRenames(sql, rows);
  const result = await sql.query<{ id: number; repoId: string }>(
    `INSERT INTO "HubModel" ("repoId", "hubId", author, "createdAt", "pipelineTag", "libraryName", "downloads30d",
       "downloadsAllTime", likes, gated, tags, "childrenCount", "isBase", crawled, source, "lastSeenAt")
     SELECT u.r, u.h, u.a, (u.c::timestamptz AT TIME ZONE 'UTC'), u.p, u.l, u.d, u.dat, u.lk, u.g,
            string_to_array(u.t, $14), u.cc::jsonb, u.ib, true, $13::"DataSource", now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                 $9::int[], $10::text[], $11::text[], $12::text[], $15::boolean[])
          AS u(r, h, a, c, p, l, d, dat, lk, g, t, cc, ib)
     ON CONFLICT ("repoId") DO UPDATE SET
       "hubId" = COALESCE(EXCLUDED."hubId", "HubModel"."hubId"), author = EXCLUDED.author,
       "createdAt" = EXCLUDED."createdAt", "pipelineTag" = EXCLUDED."pipelineTag",
       "libraryName" = EXCLUDED."libraryName", "downloads30d" = EXCLUDED."downloads30d",
       "downloadsAllTime" = EXCLUDED."downloadsAllTime", likes = EXCLUDED.likes, gated = EXCLUDED.gated,
       tags = EXCLUDED.tags, "childrenCount" = COALESCE(EXCLUDED."childrenCount", "HubModel"."childrenCount"),
       "isBase" = EXCLUDED."isBase", crawled = true, source = EXCLUDED.source, "lastSeenAt" = now()
     RETURNING id, "repoId"`,
    [
      rows.map((r) => r.repoId),
      rows.map((r) => r.hubId),
      rows.map((r) => r.author),
      rows.map((r) => iso(r.createdAt)),
      rows.map((r) => r.pipelineTag),
      rows.map((r) => r.libraryName),
      rows.map((r) => big(r.downloads30d)),
      rows.map((r) => big(r.downloadsAllTime)),
      rows.map((r) => r.likes),
      rows.map((r) => r.gated),
      rows.map((r) => r.tags.join(TAG_SEPARATOR)),
      rows.map((r) => (r.childrenCount ? JSON.stringify(r.childrenCount) : null)),
      source,
      TAG_SEPARATOR,
      rows.map((r) => r.isBase),
    ],
  );
  return new Map(result.map((row) => [row.repoId, row.id]));
}

/** Makes sure every referenced parent has a row (a stub, crawled = false); returns repoId → id and how many were new. */
export async function ensureStubs(
  sql: SqlRunner,
  refs: StubRef[],
  source: Source,
): Promise<{ ids: Map<string, number>; created: number }> {
  const unique = [...new Map(refs.map((ref) => [ref.repoId, ref])).values()];
  if (unique.length === 0) return { ids: new Map(), created: 0 };
  const repoIds = unique.map((ref) => ref.repoId);
  // No conflict target: a stub may collide on repoId or on a hubId already stored under another name.
  const created = await sql.query(
    `INSERT INTO "HubModel" ("repoId", "hubId", author, source, crawled, "isBase")
     SELECT u.r, u.h, u.a, $4::"DataSource", false, true FROM unnest($1::text[], $2::text[], $3::text[]) AS u(r, h, a)
     ON CONFLICT DO NOTHING RETURNING id`,
    [repoIds, unique.map((ref) => ref.hubId ?? null), repoIds.map(authorOf), source],
  );
  const rows = await sql.query<{ id: number; repoId: string }>(
    'SELECT id, "repoId" FROM "HubModel" WHERE "repoId" = ANY($1::text[])',
    [repoIds],
  );
  const ids = new Map(rows.map((row) => [row.repoId, row.id]));
  // A parent whose stub lost to a hubId held by its renamed row: reach it through that row.
  const missing = unique.filter((ref) => !ids.has(ref.repoId) && ref.hubId);
  if (missing.length > 0) {
    const byHub = await sql.query<{ id: number; hubId: string }>(
      'SELECT id, "hubId" FROM "HubModel" WHERE "hubId" = ANY($1::text[])',
      [missing.map((ref) => ref.hubId)],
    );
    const idByHub = new Map(byHub.map((row) => [row.hubId, row.id]));
    for (const ref of missing) {
      const id = ref.hubId ? idByHub.get(ref.hubId) : undefined;
      if (id !== undefined) ids.set(ref.repoId, id);
    }
  }
  return { ids, created: created.length };
}

/**
 * Sets the crawled children's Hub-read edges to exactly `edges`: stale tag/card edges of those children
 * go (a parent removed from a card), imported or simulated edges stay.
 */
export async function replaceEdges(
  sql: SqlRunner,
  childIds: number[],
  edges: {
    childId: number;
    parentId: number;
    relation: string;
    source: EdgeSourceName;
    childCreatedAt: Date | null;
  }[],
): Promise<void> {
  if (childIds.length > 0) {
    await sql.query(
      `DELETE FROM "LineageEdge" e
       WHERE e."childId" = ANY($1::int[]) AND e.source IN ('tags', 'card_data')
         AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) AS n(c, p) WHERE n.c = e."childId" AND n.p = e."parentId")`,
      [childIds, edges.map((e) => e.childId), edges.map((e) => e.parentId)],
    );
  }
  const unique = [...new Map(edges.map((e) => [`${e.childId}:${e.parentId}`, e])).values()];
  if (unique.length === 0) return;
  await sql.query(
    `INSERT INTO "LineageEdge" ("childId", "parentId", relation, source, "childCreatedAt")
     SELECT u.c, u.p, u.r::"Relation", u.s::"EdgeSource", (u.t::timestamptz AT TIME ZONE 'UTC')
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[]) AS u(c, p, r, s, t)
     ON CONFLICT ("childId", "parentId") DO UPDATE SET relation = EXCLUDED.relation, source = EXCLUDED.source,
       "childCreatedAt" = EXCLUDED."childCreatedAt"`,
    [
      unique.map((e) => e.childId),
      unique.map((e) => e.parentId),
      unique.map((e) => e.relation),
      unique.map((e) => e.source),
      unique.map((e) => iso(e.childCreatedAt)),
    ],
  );
}

export interface SnapshotRow {
  modelId: number;
  downloads30d: number | null;
  downloadsAllTime: number | null;
  likes: number | null;
}

/** That day's download figures per model (the last crawl of a day wins). `day` is YYYY-MM-DD (UTC). */
export async function upsertSnapshots(sql: SqlRunner, day: string, rows: SnapshotRow[]): Promise<void> {
  const unique = [...new Map(rows.map((row) => [row.modelId, row])).values()];
  if (unique.length === 0) return;
  await sql.query(
    `INSERT INTO "DownloadSnapshot" ("modelId", day, "downloads30d", "downloadsAllTime", likes)
     SELECT u.m, $5::date, u.d, u.a, u.l FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::int[]) AS u(m, d, a, l)
     ON CONFLICT ("modelId", day) DO UPDATE SET "downloads30d" = EXCLUDED."downloads30d",
       "downloadsAllTime" = EXCLUDED."downloadsAllTime", likes = EXCLUDED.likes`,
    [
      unique.map((r) => r.modelId),
      unique.map((r) => big(r.downloads30d)),
      unique.map((r) => big(r.downloadsAllTime)),
      unique.map((r) => r.likes),
      day,
    ],
  );
}
