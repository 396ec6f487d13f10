// `npm run import -- hub-dump <parquet file or URL>`: bulk-loads a whole-Hub metadata dump (the columns of
// cfahlgren1/hub-stats models.parquet) into HubModel (source hub_dump) and LineageEdge, streaming one row
// group (or slice of one) at a time through staging tables merged with set-based SQL, then derives the
// series of every base model with derivatives.
import { open } from 'node:fs/promises';
import {
  type AsyncBuffer,
  asyncBufferFromUrl,
  type FileMetaData,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';
import { creationDate, parentsOf } from '@/lib/crawl/lineage.ts';
import { authorOf, type ModelRow, TAG_SEPARATOR, withTransaction } from '@/lib/crawl/store.ts';
import type { Database } from '@/lib/db.ts';
import type { HubModelRecord } from '@/lib/hub/schemas.ts';
import { type DeriveResult, deriveSeries } from '@/lib/ingest/derive-series.ts';
import type { SqlRunner } from '@/lib/migrations/apply.ts';

/** One row of the dump as hyparquet decodes it (hub-stats models.parquet; `_id` is read when present). */
export interface HubDumpRow {
  _id?: string | null;
  id?: unknown;
  author?: string | null;
  createdAt?: Date | string | number | bigint | null;
  downloads?: number | bigint | null;
  downloadsAllTime?: number | bigint | null;
  likes?: number | bigint | null;
  tags?: string[] | null;
  pipeline_tag?: string | null;
  library_name?: string | null;
  /** A struct {relation, models: [{_id, id}]}, or the same as a JSON string. */
  baseModels?: unknown;
}

export const HUB_DUMP_COLUMNS = [
  '_id',
  'id',
  'author',
  'createdAt',
  'downloads',
  'downloadsAllTime',
  'likes',
  'tags',
  'pipeline_tag',
  'library_name',
  'baseModels',
] as const;

export interface HubDumpProgress {
  phase: 'load' | 'series';
  rows: number;
  totalRows: number;
}

export interface HubDumpOptions {
  onProgress?: (progress: HubDumpProgress) => void;
  /** Rows per staging INSERT (default 10,000). */
  batchSize?: number;
  /** Most rows decoded at once from the file (default 50,000): bounds memory whatever the row-group size. */
  readSize?: number;
  /** Staged rows merged (and checkpointed) at once, at a row-group boundary (default 250,000). */
  mergeEvery?: number;
}

export interface HubDumpResult {
  jobId: number;
  rows: number;
  models: number;
  edges: number;
  skipped: number;
  /** Row groups skipped because an interrupted run of the same import had written them. */
  resumedFrom: number;
  series: DeriveResult;
  ms: { load: number; series: number; total: number };
}

const REPO_ID = /^[^\s/]+(\/[^\s/]+)?$/;

/** A local file read by ranges through one file handle (hyparquet's own helper opens a stream per slice). */
async function fileBuffer(file: string): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  return {
    buffer: {
      byteLength: size,
      async slice(start: number, end?: number) {
        const length = (end ?? size) - start;
        const out = Buffer.allocUnsafe(length);
        let read = 0;
        while (read < length) {
          const { bytesRead } = await handle.read(out, read, length - read, start + read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return out.buffer.slice(out.byteOffset, out.byteOffset + read);
      },
    },
    close: () => handle.close(),
  };
}

async function openSource(source: string): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  if (/^https?:\/\//.test(source))
    return { buffer: await asyncBufferFromUrl({ url: source }), close: async () => {} };
  return fileBuffer(source);
}

const num = (value: number | bigint | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

function isoDate(value: HubDumpRow['createdAt']): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(typeof value === 'bigint' ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function baseModelsOf(value: unknown): HubModelRecord['baseModels'] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { relation, models } = parsed as { relation?: unknown; models?: unknown };
  if (typeof relation !== 'string' || !Array.isArray(models)) return null;
  const refs = models
    .filter(
      (m): m is { id: string; _id?: unknown } => Boolean(m) && typeof (m as { id?: unknown }).id === 'string',
    )
    .map((m) => ({ id: m.id, _id: typeof m._id === 'string' ? m._id : undefined }));
  return { relation, models: refs };
}

export interface DumpEdge {
  child: string;
  parent: string;
  relation: string;
  source: 'tags' | 'card_data';
}

/** A dump row as a model row plus its parent edges; null for a row without a usable repo id. */
export function dumpRecord(row: HubDumpRow): { model: ModelRow; edges: DumpEdge[] } | null {
  if (typeof row.id !== 'string' || !REPO_ID.test(row.id)) return null;
  const record: HubModelRecord = {
    id: row.id,
    _id: row._id ?? undefined,
    tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string') : [],
    baseModels: baseModelsOf(row.baseModels),
  };
  const parents = parentsOf(record);
  return {
    model: {
      repoId: row.id,
      hubId: row._id ?? null,
      author: row.author ?? authorOf(row.id),
      createdAt: creationDate(isoDate(row.createdAt)),
      pipelineTag: row.pipeline_tag ?? null,
      libraryName: row.library_name ?? null,
      downloads30d: num(row.downloads),
      downloadsAllTime: num(row.downloadsAllTime),
      likes: num(row.likes),
      gated: null,
      tags: record.tags ?? [],
      childrenCount: null,
      isBase: parents.length === 0,
    },
    edges: parents.map((p) => ({
      child: row.id as string,
      parent: p.parent,
      relation: p.relation,
      source: p.source,
    })),
  };
}

// Rows are appended to session-local staging tables (no indexes, no WAL) and merged every `mergeEvery`
// rows with a few set-based statements: sorted inserts keep the repoId index local and the joins run as
// hash joins instead of millions of index probes. On the 2M-row bench this loaded about twice as fast as
// upserting each 10k batch directly.
const STAGE_SQL = `
CREATE TEMP TABLE IF NOT EXISTS hub_dump_models (seq bigint, r text, h text, a text, c text, p text, l text, d bigint,
  dat bigint, lk int, t text, ib boolean);
CREATE TEMP TABLE IF NOT EXISTS hub_dump_edges (seq bigint, child text, parent text, rel text, src text);
TRUNCATE hub_dump_models, hub_dump_edges;`;

/** A PostgreSQL array literal of texts (what node-postgres would send for a string[] parameter). */
function textArray(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    parts[i] =
      value === null
        ? 'NULL'
        : `"${value.includes('"') || value.includes('\\') ? value.replace(/[\\"]/g, '\\$&') : value}"`;
  }
  return `{${parts.join(',')}}`;
}

/** A PostgreSQL array literal of numbers or booleans. */
function plainArray(values: readonly (number | boolean | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    parts[i] = value === null ? 'NULL' : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  }
  return `{${parts.join(',')}}`;
}

/** One staging batch with its parameters already encoded, so the encoding overlaps the database work. */
interface EncodedBatch {
  seq: number;
  models: string[] | null;
  edges: string[] | null;
}

function encodeBatch(seq: number, models: ModelRow[], edges: DumpEdge[]): EncodedBatch {
  return {
    seq,
    models:
      models.length === 0
        ? null
        : [
            textArray(models.map((r) => r.repoId)),
            textArray(models.map((r) => r.hubId)),
            textArray(models.map((r) => r.author)),
            textArray(models.map((r) => (r.createdAt ? r.createdAt.toISOString() : null))),
            textArray(models.map((r) => r.pipelineTag)),
            textArray(models.map((r) => r.libraryName)),
            plainArray(models.map((r) => r.downloads30d)),
            plainArray(models.map((r) => r.downloadsAllTime)),
            plainArray(models.map((r) => r.likes)),
            textArray(models.map((r) => r.tags.join(TAG_SEPARATOR))),
            plainArray(models.map((r) => r.isBase)),
          ],
    edges:
      edges.length === 0
        ? null
        : [
            textArray(edges.map((e) => e.child)),
            textArray(edges.map((e) => e.parent)),
            textArray(edges.map((e) => e.relation)),
            textArray(edges.map((e) => e.source)),
          ],
  };
}

async function stageEncoded(sql: SqlRunner, batch: EncodedBatch): Promise<void> {
  if (batch.models) {
    await sql.query(
      `INSERT INTO hub_dump_models SELECT $1::bigint + u.n, u.r, u.h, u.a, u.c, u.p, u.l, u.d, u.dat, u.lk, u.t, u.ib
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[],
                   $10::int[], $11::text[], $12::boolean[]) WITH ORDINALITY AS u(r, h, a, c, p, l, d, dat, lk, t, ib, n)`,
      [batch.seq, ...batch.models],
    );
  }
  if (batch.edges) {
    await sql.query(
      `INSERT INTO hub_dump_edges SELECT $1::bigint, u.child, u.parent, u.rel, u.src
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(child, parent, rel, src)`,
      [batch.seq, ...batch.edges],
    );
  }
}

/** Appends one batch to the staging tables; `seq` orders rows so the last row of a repo wins. */
export async function stageDumpBatch(
  sql: SqlRunner,
  seq: number,
  models: ModelRow[],
  edges: DumpEdge[],
): Promise<void> {
  await stageEncoded(sql, encodeBatch(seq, models, edges));
}

/**
 * Merges the staged rows (call inside a transaction): models (the last row of a repo wins; a row the
 * crawler wrote is fresher than any dump and is left alone; a hubId already held by another repo is
 * dropped rather than failing the load), stubs for parents not loaded yet, then the edges resolved by
 * repoId. Empties the staging tables. Idempotent. `unique`: the caller knows that no repoId and no
 * non-null hubId was staged twice, so no ranking is needed.
 */
export async function mergeStagedDump(sql: SqlRunner, options: { unique?: boolean } = {}): Promise<void> {
  await sql.exec(mergeSql(options.unique ?? false));
}

/** A SQL string literal. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * The statements of a merge as one script: sent in one round trip, they run back to back on the server
 * even while this process is busy decoding the next rows.
 */
function mergeSql(unique: boolean): string {
  // With every repoId and hubId staged once (the usual case), the last-row-wins ranking is a no-op: one sort.
  const staged = unique
    ? 'SELECT *, 1 AS hub_rank FROM hub_dump_models'
    : `SELECT DISTINCT ON (r) *, row_number() OVER (PARTITION BY h ORDER BY seq DESC) AS hub_rank
           FROM hub_dump_models ORDER BY r, seq DESC`;
  // synchronous_commit off: a crash before the commit reaches the disk loses at most this merge and its
  // checkpoint together, so a resumed import redoes it.
  return `SET LOCAL work_mem = '256MB'; SET LOCAL synchronous_commit = off;
    ANALYZE hub_dump_models; ANALYZE hub_dump_edges;
    INSERT INTO "HubModel" ("repoId", "hubId", author, "createdAt", "pipelineTag", "libraryName", "downloads30d",
       "downloadsAllTime", likes, tags, "isBase", crawled, source, "lastSeenAt")
     SELECT s.r, CASE WHEN s.hub_rank = 1 AND x.id IS NULL THEN s.h END, s.a, (s.c::timestamptz AT TIME ZONE 'UTC'),
            s.p, s.l, s.d, s.dat, s.lk, string_to_array(s.t, ${literal(TAG_SEPARATOR)}), s.ib, true, 'hub_dump', now()
     FROM (${staged}) s
     LEFT JOIN "HubModel" x ON x."hubId" = s.h AND x."repoId" <> s.r
     ORDER BY s.r
     ON CONFLICT ("repoId") DO UPDATE SET
       "hubId" = COALESCE("HubModel"."hubId", EXCLUDED."hubId"), author = EXCLUDED.author,
       "createdAt" = EXCLUDED."createdAt", "pipelineTag" = EXCLUDED."pipelineTag", "libraryName" = EXCLUDED."libraryName",
       "downloads30d" = EXCLUDED."downloads30d", "downloadsAllTime" = EXCLUDED."downloadsAllTime", likes = EXCLUDED.likes,
       tags = EXCLUDED.tags, "isBase" = EXCLUDED."isBase", crawled = true, source = 'hub_dump', "lastSeenAt" = now()
     WHERE NOT ("HubModel".crawled AND "HubModel".source = 'hub');
    INSERT INTO "HubModel" ("repoId", author, source, crawled, "isBase")
     SELECT DISTINCT e.parent, split_part(e.parent, '/', 1), 'hub_dump'::"DataSource", false, true
     FROM hub_dump_edges e WHERE NOT EXISTS (SELECT 1 FROM "HubModel" h WHERE h."repoId" = e.parent)
     ORDER BY 1
     ON CONFLICT DO NOTHING;
    INSERT INTO "LineageEdge" ("childId", "parentId", relation, source, "childCreatedAt")
     SELECT DISTINCT ON (c.id, p.id) c.id, p.id, e.rel::"Relation", e.src::"EdgeSource", c."createdAt"
     FROM hub_dump_edges e
     JOIN "HubModel" c ON c."repoId" = e.child
     JOIN "HubModel" p ON p."repoId" = e.parent
     WHERE c.id <> p.id
     ORDER BY c.id, p.id, e.seq DESC
     ON CONFLICT ("childId", "parentId") DO UPDATE SET relation = EXCLUDED.relation, source = EXCLUDED.source,
       "childCreatedAt" = EXCLUDED."childCreatedAt";
    TRUNCATE hub_dump_models, hub_dump_edges;`;
}

/** Row ranges to decode: each row group, cut into slices of at most `readSize` rows. */
function ranges(metadata: FileMetaData, readSize: number): { group: number; start: number; end: number }[] {
  const out: { group: number; start: number; end: number }[] = [];
  let offset = 0;
  metadata.row_groups.forEach((group, index) => {
    const rows = Number(group.num_rows);
    for (let start = 0; start < rows; start += readSize) {
      out.push({ group: index, start: offset + start, end: offset + Math.min(rows, start + readSize) });
    }
    offset += rows;
  });
  return out;
}

interface QueuedBatch extends EncodedBatch {
  /** Dump rows read, rows staged as models, edges staged, rows skipped. */
  rows: number;
  modelCount: number;
  edgeCount: number;
  skipped: number;
  /** Set on the last batch before a merge: the row groups then done, and whether the merge can skip ranking. */
  merge?: { groupsDone: number; unique: boolean };
}

/**
 * A single-producer, single-consumer queue bounded by rows. The producer also waits, after the last batch
 * before a merge, until that merge starts: it then decodes the next rows while the database merges,
 * instead of holding up the short staging inserts with long synchronous decodes.
 */
class BatchQueue {
  private readonly items: QueuedBatch[] = [];
  private queuedRows = 0;
  private mergesQueued = 0;
  private mergesStarted = 0;
  private closed = false;
  private aborted = false;
  private failure: unknown = null;
  private wakeProducer: (() => void) | null = null;
  private wakeConsumer: (() => void) | null = null;

  constructor(private readonly maxRows: number) {}

  private notifyProducer(): void {
    const wake = this.wakeProducer;
    this.wakeProducer = null;
    wake?.();
  }

  private notifyConsumer(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = null;
    wake?.();
  }

  /** Adds a batch, waiting while the queue is full; false once the consumer has gone. */
  async put(batch: QueuedBatch): Promise<boolean> {
    while (!this.aborted && this.items.length > 0 && this.queuedRows + batch.rows > this.maxRows)
      await this.sleep();
    if (this.aborted) return false;
    this.items.push(batch);
    this.queuedRows += batch.rows;
    if (batch.merge) this.mergesQueued += 1;
    this.notifyConsumer();
    return true;
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wakeProducer = resolve;
    });
  }

  /** Waits until every merge queued has started (the producer then decodes while it runs); false once aborted. */
  async gate(): Promise<boolean> {
    while (!this.aborted && this.mergesStarted < this.mergesQueued) await this.sleep();
    return !this.aborted;
  }

  /** The next batch, or null when the producer is done; rethrows the producer's error. */
  async take(): Promise<QueuedBatch | null> {
    while (this.items.length === 0) {
      if (this.closed) {
        if (this.failure !== null) throw this.failure;
        return null;
      }
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve;
      });
    }
    const batch = this.items.shift() as QueuedBatch;
    this.queuedRows -= batch.rows;
    this.notifyProducer();
    return batch;
  }

  /** The consumer starts the merge that the last batch taken asked for. */
  mergeStarted(): void {
    this.mergesStarted += 1;
    this.notifyProducer();
  }

  close(error: unknown = null): void {
    this.closed = true;
    this.failure = error === null || error === undefined ? null : error;
    this.notifyConsumer();
  }

  /** The consumer stopped: let a waiting producer return. */
  abort(): void {
    this.aborted = true;
    this.items.length = 0;
    this.notifyProducer();
  }
}

/** A 53-bit string hash (cyrb53). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Decodes the row ranges into encoded staging batches, marking where a merge (at a row-group boundary) falls. */
async function produceBatches(
  queue: BatchQueue,
  file: AsyncBuffer,
  metadata: FileMetaData,
  columns: string[],
  todo: { group: number; start: number; end: number }[],
  { batchSize, mergeEvery }: { batchSize: number; mergeEvery: number },
): Promise<void> {
  let staged = 0;
  // 53-bit hashes, not the strings: a far smaller set. A collision only costs the ranking a merge then skips.
  let repoIds = new Set<number>();
  let hubIds = new Set<number>();
  let unique = true;
  for (let i = 0; i < todo.length; i++) {
    const range = todo[i];
    if (!(await queue.gate())) return;
    const rows = (await parquetReadObjects({
      file,
      metadata,
      columns,
      rowStart: range.start,
      rowEnd: range.end,
    })) as HubDumpRow[];
    // Merge only at a row-group boundary: a resumed import restarts a group, never splits one.
    const groupDone = todo[i + 1]?.group !== range.group;
    const mergeAfter = groupDone && (staged + rows.length >= mergeEvery || i === todo.length - 1);
    const last = Math.max(0, rows.length - 1);
    for (let from = 0; from === 0 || from < rows.length; from += batchSize) {
      const models: ModelRow[] = [];
      const edges: DumpEdge[] = [];
      let skipped = 0;
      const end = Math.min(rows.length, from + batchSize);
      for (let r = from; r < end; r++) {
        const parsed = dumpRecord(rows[r]);
        if (!parsed) {
          skipped += 1;
          continue;
        }
        const { model } = parsed;
        models.push(model);
        for (const edge of parsed.edges) edges.push(edge);
        if (unique) {
          const repoKey = hash53(model.repoId);
          const hubKey = model.hubId === null ? null : hash53(model.hubId);
          if (repoIds.has(repoKey) || (hubKey !== null && hubIds.has(hubKey))) unique = false;
          else {
            repoIds.add(repoKey);
            if (hubKey !== null) hubIds.add(hubKey);
          }
        }
      }
      const batch: QueuedBatch = {
        ...encodeBatch(range.start + from, models, edges),
        rows: end - from,
        modelCount: models.length,
        edgeCount: edges.length,
        skipped,
      };
      staged += end - from;
      if (mergeAfter && from + batchSize > last) {
        batch.merge = { groupsDone: range.group + 1, unique };
        staged = 0;
        repoIds = new Set();
        hubIds = new Set();
        unique = true;
      }
      if (!(await queue.put(batch))) return;
    }
  }
}

interface DumpCheckpoint {
  /** Row groups merged. */
  groupsDone: number;
  rows: number;
  models: number;
  edges: number;
  skipped: number;
}

/**
 * Imports a hub-stats style models.parquet (path or http(s) URL), then derives the series of every base
 * model with derivatives. Idempotent; an interrupted import of the same source resumes after the last
 * merged row group. Records a Job (kind import) and the Setting `source.hub_dump`.
 */
export async function runHubDumpImport(
  db: Database,
  source: string,
  options: HubDumpOptions = {},
): Promise<HubDumpResult> {
  const started = Date.now();
  const { sql } = db;
  const batchSize = options.batchSize ?? 10_000;
  const readSize = options.readSize ?? 50_000;
  const mergeEvery = options.mergeEvery ?? 250_000;
  const params = { source: 'hub-dump', file: source };
  const { buffer, close } = await openSource(source);
  let jobId: number | null = null;
  try {
    const metadata = await parquetMetadataAsync(buffer);
    // Top-level columns only: baseModels.models holds an `_id` and an `id` of its own.
    const available = new Set(parquetSchema(metadata).children.map((child) => child.element.name));
    const columns = HUB_DUMP_COLUMNS.filter((column) => available.has(column));
    if (!available.has('id')) throw new Error(`${source} has no "id" column: not a Hub models dump`);
    const totalRows = Number(metadata.num_rows);

    const [previous] = await sql.query<{ id: number; checkpoint: DumpCheckpoint | null }>(
      `SELECT id, checkpoint FROM "Job" WHERE kind = 'import' AND status IN ('running', 'failed', 'cancelled')
         AND params = $1::jsonb ORDER BY id DESC LIMIT 1`,
      [JSON.stringify(params)],
    );
    const state: DumpCheckpoint = previous?.checkpoint ?? {
      groupsDone: 0,
      rows: 0,
      models: 0,
      edges: 0,
      skipped: 0,
    };
    const resumedFrom = state.groupsDone;
    if (previous) {
      jobId = previous.id;
      await sql.query(
        `UPDATE "Job" SET status = 'running', error = NULL, "updatedAt" = now() WHERE id = $1`,
        [jobId],
      );
    } else {
      const [row] = await sql.query<{ id: number }>(
        `INSERT INTO "Job" (kind, status, params, done, total, checkpoint, "updatedAt")
         VALUES ('import', 'running', $1::jsonb, 0, $2, $3::jsonb, now()) RETURNING id`,
        [JSON.stringify(params), totalRows, JSON.stringify(state)],
      );
      jobId = row.id;
    }

    await sql.exec(STAGE_SQL);
    // The parquet decoding and parameter encoding run ahead (up to about one merge of rows) while the
    // database stages and merges: parser and database then use both cores, including during merges.
    const todo = ranges(metadata, readSize).filter((range) => range.group >= state.groupsDone);
    const queue = new BatchQueue(2 * Math.max(mergeEvery, readSize, batchSize));
    const producer = produceBatches(queue, buffer, metadata, [...columns], todo, {
      batchSize,
      mergeEvery,
    }).then(
      () => queue.close(),
      (error: unknown) => queue.close(error),
    );
    try {
      for (let batch = await queue.take(); batch; batch = await queue.take()) {
        await stageEncoded(sql, batch);
        state.rows += batch.rows;
        state.models += batch.modelCount;
        state.edges += batch.edgeCount;
        state.skipped += batch.skipped;
        if (batch.rows > 0) options.onProgress?.({ phase: 'load', rows: state.rows, totalRows });
        const merge = batch.merge;
        if (merge) {
          state.groupsDone = merge.groupsDone;
          await withTransaction(sql, async () => {
            const merged = sql.exec(
              `${mergeSql(merge.unique)}
               UPDATE "Job" SET checkpoint = ${literal(JSON.stringify(state))}::jsonb,
                 counts = ${literal(JSON.stringify(state))}::jsonb, done = ${Number(state.rows)}, "updatedAt" = now()
               WHERE id = ${Number(jobId)};`,
            );
            // The whole merge is on its way to the server: decode the next rows meanwhile.
            queue.mergeStarted();
            await merged;
          });
        }
      }
    } finally {
      queue.abort();
      await producer;
    }
    const loaded = Date.now();

    options.onProgress?.({ phase: 'series', rows: state.rows, totalRows });
    const bases = await sql.query<{ id: number }>(
      `SELECT DISTINCT e."parentId" AS id FROM "LineageEdge" e JOIN "HubModel" h ON h.id = e."parentId" WHERE h."isBase"`,
    );
    const series = await deriveSeries(
      db,
      bases.map((b) => b.id),
    );
    const done = Date.now();
    await sql.query(
      `UPDATE "Job" SET status = 'succeeded', counts = $2::jsonb, done = $3, "finishedAt" = now(), "updatedAt" = now()
       WHERE id = $1`,
      [jobId, JSON.stringify({ ...state, series }), state.rows],
    );
    await sql.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('source.hub_dump', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify({ file: source, rows: state.rows, loadedAt: new Date(done).toISOString() })],
    );
    const { rows, models, edges, skipped } = state;
    return {
      jobId,
      rows,
      models,
      edges,
      skipped,
      resumedFrom,
      series,
      ms: { load: loaded - started, series: done - loaded, total: done - started },
    };
  } catch (error) {
    if (jobId !== null) {
      await sql
        .query(`UPDATE "Job" SET status = 'failed', error = $2, "updatedAt" = now() WHERE id = $1`, [
          jobId,
          error instanceof Error ? error.message : String(error),
        ])
        .catch(() => {});
    }
    throw error;
  } finally {
    await close();
  }
}
