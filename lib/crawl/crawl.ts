// Crawl orchestration: targets → their records → their children per relation (Link-paged), written in
// one transaction per page together with the job's checkpoint, so a crawl killed at any moment resumes
// where it stopped and ends with the same rows as one that never stopped.
import { creationDate, isDerivative, parentsOf } from '@/lib/crawl/lineage.ts';
import { type CrawlParams, paramsKey, UsageError } from '@/lib/crawl/params.ts';
import {
  authorOf,
  type EdgeSourceName,
  ensureStubs,
  type ModelRow,
  recordAlias,
  replaceEdges,
  upsertModels,
  upsertSnapshots,
  withTransaction,
} from '@/lib/crawl/store.ts';
import type { Database } from '@/lib/db.ts';
import { fitAndStoreSeries } from '@/lib/fitting/index.ts';
import type { HubClient } from '@/lib/hub/client.ts';
import { type Clock, systemClock } from '@/lib/hub/clock.ts';
import { HubAuthError, HubMalformedResponseError, HubNotFoundError } from '@/lib/hub/errors.ts';
import {
  DETAIL_EXPAND,
  type HubModelRecord,
  type HubRelation,
  LIST_EXPAND,
  parseHubModel,
} from '@/lib/hub/schemas.ts';
import { deriveSeries } from '@/lib/ingest/derive-series.ts';
import type { SqlRunner } from '@/lib/migrations/apply.ts';

interface QueueItem {
  repoId: string;
  depth: number;
}

interface CurrentTarget extends QueueItem {
  modelId: number;
  /** Relations still to list, in order; the first is being listed. */
  relations: HubRelation[];
  /** Next page of the first relation, or null for its first page. */
  nextUrl: string | null;
}

interface Discovery {
  /** Index into the discovery sources (--author orgs, then --top). */
  index: number;
  nextUrl: string | null;
  found: number;
}

export interface CrawlCheckpoint {
  discovery: Discovery | null;
  queue: QueueItem[];
  current: CurrentTarget | null;
  /** Repo ids ever queued, so a model reached twice (merges, depth > 1) is crawled once. */
  seen: string[];
  /** Models whose children were listed to the end: their series are derived afterwards. */
  expanded: number[];
}

export interface CrawlError {
  target?: string;
  url?: string;
  reason: string;
}

export interface CrawlCounts {
  models: number;
  edges: number;
  stubs: number;
  aliases: number;
  snapshots: number;
  pages: number;
  skipped: number;
  notFound: number;
  requests: number;
  retries: number;
  rateLimited: number;
  series: number;
  /** The first errors, with reasons (capped; `skipped` + `notFound` count them all). */
  errors: CrawlError[];
}

export interface CrawlProgress {
  phase: 'discover' | 'crawl' | 'series';
  jobId: number;
  /** Targets whose children are fully listed, and all targets known so far. */
  done: number;
  total: number;
  current: string | null;
  counts: CrawlCounts;
  budget: { remaining: number | null; quota: number | null; resetAt: number | null };
}

export interface CrawlOptions {
  client: HubClient;
  /** The clock of the snapshots' day (share the client's fake clock in tests). */
  clock?: Clock;
  /** Resume the last unfinished crawl job whatever its params (`--resume`). */
  resume?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: CrawlProgress) => void;
  /**
   * Refits the crawled targets' series after the crawl. Default: `fitAndStoreSeries` for each (it skips
   * fits whose inputs did not change).
   */
  refitSeries?: (seriesIds: number[]) => Promise<void>;
  /** Called with the job's id once it is known (new or resumed; the web app answers with the job). */
  onJob?: (jobId: number) => void;
}

export interface CrawlResult {
  jobId: number;
  resumed: boolean;
  counts: CrawlCounts;
  /** Ids of the models whose children were crawled. */
  expanded: number[];
  /** Ids of the crawled targets' series (monthly derivatives and daily downloads), to refit. */
  seriesChanged: number[];
}

const MAX_ERRORS_KEPT = 200;
// Two int4 keys of a session advisory lock: this constant and the job id.
const LOCK_NAMESPACE = 7_424_201;

function emptyCounts(): CrawlCounts {
  return {
    models: 0,
    edges: 0,
    stubs: 0,
    aliases: 0,
    snapshots: 0,
    pages: 0,
    skipped: 0,
    notFound: 0,
    requests: 0,
    retries: 0,
    rateLimited: 0,
    series: 0,
    errors: [],
  };
}

const expandQuery = (fields: readonly string[]) => fields.map((f) => `expand[]=${f}`).join('&');
const modelPath = (repoId: string) => repoId.split('/').map(encodeURIComponent).join('/');

export function detailPath(repoId: string): string {
  return `/api/models/${modelPath(repoId)}?${expandQuery(DETAIL_EXPAND)}`;
}

/** Children of one relation, oldest-stable order (createdAt descending never reshuffles under a cursor). */
export function childrenPath(repoId: string, relation: HubRelation, pageSize: number): string {
  const filter = encodeURIComponent(`base_model:${relation}:${repoId}`);
  return `/api/models?filter=${filter}&sort=createdAt&${expandQuery(LIST_EXPAND)}&limit=${pageSize}`;
}

function discoveryPath(params: CrawlParams, index: number): string | null {
  const lineage = expandQuery(['tags', 'baseModels']);
  if (index < params.authors.length) {
    return `/api/models?author=${encodeURIComponent(params.authors[index])}&sort=downloads&${lineage}&limit=${params.pageSize}`;
  }
  if (index === params.authors.length && params.top !== null) {
    return `/api/models?sort=downloads&${lineage}&limit=${params.pageSize}`;
  }
  return null;
}

export function toModelRow(record: HubModelRecord): ModelRow {
  return {
    repoId: record.id,
    hubId: record._id ?? null,
    author: record.author ?? authorOf(record.id),
    createdAt: creationDate(record.createdAt),
    pipelineTag: record.pipeline_tag ?? null,
    libraryName: record.library_name ?? null,
    downloads30d: record.downloads ?? null,
    downloadsAllTime: record.downloadsAllTime ?? null,
    likes: record.likes ?? null,
    gated: record.gated === undefined ? null : String(record.gated),
    tags: record.tags ?? [],
    childrenCount: record.childrenModelCount ?? null,
    isBase: parentsOf(record).length === 0,
  };
}

/** Writes full records with their parent edges (stubs for unseen parents) and today's snapshot. */
export async function storeRecords(
  sql: SqlRunner,
  records: HubModelRecord[],
  day: string,
  counts: CrawlCounts,
): Promise<Map<string, number>> {
  const rows = records.map(toModelRow);
  const ids = await upsertModels(sql, rows, 'hub');
  const links = records.map((record) => ({ record, parents: parentsOf(record) }));
  const refs = links.flatMap(({ parents }) =>
    parents.filter((p) => !ids.has(p.parent)).map((p) => ({ repoId: p.parent, hubId: p.parentHubId })),
  );
  const stubs = await ensureStubs(sql, refs, 'hub');
  const parentIds = stubs.ids;
  const edges: {
    childId: number;
    parentId: number;
    relation: string;
    source: EdgeSourceName;
    childCreatedAt: Date | null;
  }[] = [];
  for (const { record, parents } of links) {
    const childId = ids.get(record.id);
    if (childId === undefined) continue;
    for (const link of parents) {
      const parentId = ids.get(link.parent) ?? parentIds.get(link.parent);
      if (parentId === undefined || parentId === childId) continue;
      edges.push({
        childId,
        parentId,
        relation: link.relation,
        source: link.source,
        childCreatedAt: creationDate(record.createdAt),
      });
    }
  }
  await replaceEdges(sql, [...ids.values()], edges);
  const snapshots = rows
    .filter((row) => row.downloads30d !== null || row.downloadsAllTime !== null || row.likes !== null)
    .map((row) => ({
      modelId: ids.get(row.repoId) as number,
      downloads30d: row.downloads30d,
      downloadsAllTime: row.downloadsAllTime,
      likes: row.likes,
    }));
  await upsertSnapshots(sql, day, snapshots);
  counts.models += ids.size;
  counts.edges += edges.length;
  counts.stubs += stubs.created;
  counts.snapshots += snapshots.length;
  return ids;
}

interface JobRow extends Record<string, unknown> {
  id: number;
  params: CrawlParams;
  checkpoint: CrawlCheckpoint | null;
  counts: CrawlCounts | null;
}

async function findResumable(sql: SqlRunner, params: CrawlParams, any: boolean): Promise<JobRow | undefined> {
  const jobs = await sql.query<JobRow>(
    `SELECT id, params, checkpoint, counts FROM "Job"
     WHERE kind = 'crawl' AND status IN ('queued', 'running', 'failed', 'cancelled') ORDER BY id DESC`,
  );
  if (any) return jobs[0];
  const key = paramsKey(params);
  return jobs.find((job) => paramsKey(job.params) === key);
}

function initialCheckpoint(params: CrawlParams): CrawlCheckpoint {
  const queue = params.bases.map((repoId) => ({ repoId, depth: 0 }));
  const hasDiscovery = params.authors.length > 0 || params.top !== null;
  return {
    discovery: hasDiscovery ? { index: 0, nextUrl: null, found: 0 } : null,
    queue,
    current: null,
    seen: [...params.bases],
    expanded: [],
  };
}

/**
 * Runs (or resumes) a crawl into `db`. Resumes automatically the last unfinished crawl with the same
 * params, or with `resume` the last unfinished one at all. Throws on a refused token, an exhausted
 * retry budget or an abort, leaving the job resumable.
 */
export async function runCrawl(
  db: Database,
  requested: CrawlParams,
  options: CrawlOptions,
): Promise<CrawlResult> {
  const { sql } = db;
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const existing = await findResumable(sql, requested, options.resume === true);
  if (options.resume && !existing) throw new UsageError('There is no unfinished crawl to resume.');

  const params = existing?.params ?? requested;
  const checkpoint: CrawlCheckpoint = existing?.checkpoint ?? initialCheckpoint(params);
  const counts: CrawlCounts = { ...emptyCounts(), ...(existing?.counts ?? {}) };
  let jobId: number;
  if (existing) {
    jobId = existing.id;
  } else {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO "Job" (kind, status, params, done, counts, checkpoint, "updatedAt")
       VALUES ('crawl', 'running', $1::jsonb, 0, $2::jsonb, $3::jsonb, now()) RETURNING id`,
      [JSON.stringify(params), JSON.stringify(counts), JSON.stringify(checkpoint)],
    );
    jobId = row.id;
  }
  const [{ locked }] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
    LOCK_NAMESPACE,
    jobId,
  ]);
  if (!locked) throw new Error(`Crawl job ${jobId} is being run by another process.`);
  options.onJob?.(jobId);

  const seen = new Set(checkpoint.seen);
  const base = { requests: counts.requests, retries: counts.retries, rateLimited: counts.rateLimited };
  const day = () => new Date(clock.now()).toISOString().slice(0, 10);
  const fail = (error: CrawlError) => {
    if (counts.errors.length < MAX_ERRORS_KEPT) counts.errors.push(error);
  };
  const enqueue = (repoId: string, depth: number) => {
    if (seen.has(repoId)) return;
    seen.add(repoId);
    checkpoint.queue.push({ repoId, depth });
  };
  const total = () => checkpoint.expanded.length + checkpoint.queue.length + (checkpoint.current ? 1 : 0);
  const report = (phase: CrawlProgress['phase']) => {
    const stats = client.stats;
    counts.requests = base.requests + stats.requests;
    counts.retries = base.retries + stats.retries;
    counts.rateLimited = base.rateLimited + stats.rateLimited;
    options.onProgress?.({
      phase,
      jobId,
      done: checkpoint.expanded.length,
      total: total(),
      current: checkpoint.current?.repoId ?? null,
      counts,
      budget: stats.budget,
    });
  };
  const save = async (status = 'running') => {
    report(checkpoint.discovery ? 'discover' : 'crawl');
    checkpoint.seen = [...seen];
    await sql.query(
      `UPDATE "Job" SET status = $2::"JobStatus", checkpoint = $3::jsonb, counts = $4::jsonb, done = $5, total = $6,
         "updatedAt" = now() WHERE id = $1`,
      [
        jobId,
        status,
        JSON.stringify(checkpoint),
        JSON.stringify(counts),
        checkpoint.expanded.length,
        total(),
      ],
    );
  };
  /** Applies one fetched unit of work and its checkpoint atomically. */
  const commit = (write: () => Promise<void>) =>
    withTransaction(sql, async () => {
      await write();
      await save();
    });

  const discoverStep = async (discovery: Discovery) => {
    const url = discovery.nextUrl ?? discoveryPath(params, discovery.index);
    if (!url) {
      await commit(async () => {
        checkpoint.discovery = null;
      });
      return;
    }
    const isTop = discovery.index === params.authors.length;
    let next: string | null = null;
    let items: unknown[] = [];
    try {
      const response = await client.getJson(url);
      next = response.next;
      items = Array.isArray(response.body) ? response.body : [];
      if (!Array.isArray(response.body)) fail({ url, reason: 'list answer is not an array' });
    } catch (error) {
      if (!(error instanceof HubMalformedResponseError)) throw error;
      fail({ url, reason: error.reason });
    }
    await commit(async () => {
      counts.pages += 1;
      for (const raw of items) {
        const parsed = parseHubModel(raw);
        if (!parsed.ok) {
          counts.skipped += 1;
          fail({ target: parsed.id ?? undefined, url, reason: parsed.reason });
          continue;
        }
        if (isDerivative(parsed.model)) continue;
        if (isTop && discovery.found >= (params.top ?? 0)) break;
        discovery.found += 1;
        enqueue(parsed.model.id, 0);
      }
      const done = !next || (isTop && discovery.found >= (params.top ?? 0));
      checkpoint.discovery = done
        ? { index: discovery.index + 1, nextUrl: null, found: 0 }
        : { ...discovery, nextUrl: next };
      if (done && !discoveryPath(params, discovery.index + 1)) checkpoint.discovery = null;
    });
  };

  const detailStep = async (item: QueueItem) => {
    const url = detailPath(item.repoId);
    let record: HubModelRecord | null = null;
    try {
      const parsed = parseHubModel((await client.getJson(url)).body);
      if (parsed.ok) record = parsed.model;
      else {
        counts.skipped += 1;
        fail({ target: item.repoId, url, reason: parsed.reason });
      }
    } catch (error) {
      if (error instanceof HubNotFoundError) {
        counts.notFound += 1;
        fail({ target: item.repoId, url, reason: `not found or private (${error.status})` });
      } else if (error instanceof HubMalformedResponseError) {
        counts.skipped += 1;
        fail({ target: item.repoId, url, reason: error.reason });
      } else throw error;
    }
    await commit(async () => {
      checkpoint.queue.shift();
      if (!record) return;
      const ids = await storeRecords(sql, [record], day(), counts);
      const modelId = ids.get(record.id) as number;
      if (record.id !== item.repoId) {
        // A 307 rename: remember the name we asked for.
        await recordAlias(sql, item.repoId, modelId);
        counts.aliases += 1;
        seen.add(record.id);
      }
      const childCounts = record.childrenModelCount;
      const relations = childCounts
        ? params.relations.filter((r) => (childCounts[r] ?? 0) > 0)
        : params.relations;
      if (relations.length === 0) checkpoint.expanded.push(modelId);
      else checkpoint.current = { ...item, repoId: record.id, modelId, relations, nextUrl: null };
    });
  };

  const listStep = async (current: CurrentTarget) => {
    const relation = current.relations[0];
    const url = current.nextUrl ?? childrenPath(current.repoId, relation, params.pageSize);
    let next: string | null = null;
    let items: unknown[] = [];
    try {
      const response = await client.getJson(url);
      next = response.next;
      if (Array.isArray(response.body)) items = response.body;
      else fail({ target: current.repoId, url, reason: 'list answer is not an array' });
    } catch (error) {
      if (!(error instanceof HubMalformedResponseError)) throw error;
      // Without a readable page there is no cursor: the rest of this relation is lost for this run.
      counts.skipped += 1;
      fail({ target: current.repoId, url, reason: `${error.reason}; rest of ${relation} children skipped` });
    }
    await commit(async () => {
      counts.pages += 1;
      const records: HubModelRecord[] = [];
      for (const raw of items) {
        const parsed = parseHubModel(raw);
        if (parsed.ok) records.push(parsed.model);
        else {
          counts.skipped += 1;
          fail({ target: parsed.id ?? undefined, url, reason: parsed.reason });
        }
      }
      await storeRecords(sql, records, day(), counts);
      if (current.depth + 1 < params.depth)
        for (const record of records) enqueue(record.id, current.depth + 1);
      if (next) current.nextUrl = next;
      else {
        current.relations = current.relations.slice(1);
        current.nextUrl = null;
      }
      if (current.relations.length === 0) {
        checkpoint.expanded.push(current.modelId);
        checkpoint.current = null;
      }
    });
  };

  try {
    for (;;) {
      options.signal?.throwIfAborted();
      if (checkpoint.discovery) await discoverStep(checkpoint.discovery);
      else if (checkpoint.current) await listStep(checkpoint.current);
      else if (checkpoint.queue.length > 0) await detailStep(checkpoint.queue[0]);
      else break;
    }

    report('series');
    const expanded = [...new Set(checkpoint.expanded)];
    // Monthly derivative series and the daily downloads series (from the snapshots) of the crawled targets.
    await deriveSeries(db, expanded, { now: new Date(clock.now()) });
    const series = await sql.query<{ id: number }>(
      'SELECT id FROM "Series" WHERE "modelId" = ANY($1::int[]) ORDER BY id',
      [expanded],
    );
    const seriesChanged = series.map((row) => row.id);
    counts.series = seriesChanged.length;
    const refit =
      options.refitSeries ??
      (async (ids: number[]) => {
        for (const id of ids) await fitAndStoreSeries(db.prisma, id);
      });
    if (seriesChanged.length > 0) await refit(seriesChanged);
    await save('succeeded');
    await sql.query('UPDATE "Job" SET "finishedAt" = now() WHERE id = $1', [jobId]);
    return { jobId, resumed: Boolean(existing), counts, expanded, seriesChanged };
  } catch (error) {
    const aborted = options.signal?.aborted === true;
    const message = error instanceof Error ? error.message : String(error);
    await sql
      .query(
        `UPDATE "Job" SET status = $2::"JobStatus", error = $3, counts = $4::jsonb, "updatedAt" = now() WHERE id = $1`,
        [
          jobId,
          aborted ? 'cancelled' : 'failed',
          error instanceof HubAuthError ? `token refused: ${message}` : message,
          JSON.stringify(counts),
        ],
      )
      .catch(() => {});
    throw error;
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, jobId]).catch(() => {});
  }
}
