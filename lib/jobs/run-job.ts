import 'server-only';
// Jobs started from the web app (POST /api/jobs) run in the server process, in the background, through
// the same lib functions as the CLI: runCrawl, runPaperImport, fitAllSeries. One running job per kind.
import { ApiError } from '@/lib/api/errors.ts';
import { runCrawl } from '@/lib/crawl/crawl.ts';
import { type CrawlParams, DEFAULT_PAGE_SIZE, UsageError } from '@/lib/crawl/params.ts';
import { clearDataCache } from '@/lib/data/cache.ts';
import { getJobOrThrow } from '@/lib/data/jobs.ts';
import { type Database, getDatabase } from '@/lib/db.ts';
import { fitAllSeries } from '@/lib/fitting/index.ts';
import { HubClient, hubOptionsFromEnv } from '@/lib/hub/client.ts';
import { RELATIONS } from '@/lib/hub/schemas.ts';
import { runPaperImport } from '@/lib/ingest/paper.ts';
import type { Job, StartJob } from '@/lib/schemas/jobs.ts';

/** A 'running' job not updated for this long is taken for dead (a killed CLI leaves its row running). */
export const STALE_JOB_MS = 15 * 60_000;

type Kind = StartJob['kind'];

const globalJobs = globalThis as unknown as { modelGrowthJobs?: Map<Kind, Promise<unknown>> };
globalJobs.modelGrowthJobs ??= new Map();
const running = globalJobs.modelGrowthJobs;

function toCrawlParams(params: Extract<StartJob, { kind: 'crawl' }>['params']): CrawlParams {
  return {
    bases: [...new Set(params.bases)],
    authors: [...new Set(params.authors)],
    top: params.top,
    relations: params.relations ? RELATIONS.filter((r) => params.relations?.includes(r)) : [...RELATIONS],
    depth: params.depth,
    pageSize: params.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

function run(db: Database, input: StartJob, onJob: (id: number) => void): Promise<unknown> {
  switch (input.kind) {
    case 'crawl':
      return runCrawl(db, toCrawlParams(input.params), {
        client: new HubClient(hubOptionsFromEnv()),
        resume: input.params.resume,
        onJob,
      });
    case 'import':
      return runPaperImport(db, { source: input.from, onJob });
    case 'fit':
      // Worker threads need the tsx loader, which the server lacks: fits run in-process, batch by batch.
      return fitAllSeries(db.prisma, { force: input.force, workers: false, onJob });
  }
}

async function assertNoOtherRunning(db: Database, kind: Kind): Promise<void> {
  // A CLI run (another process, PostgreSQL) counts too, unless its row looks abandoned.
  const other = await db.prisma.job.findFirst({
    where: { kind, status: 'running', updatedAt: { gt: new Date(Date.now() - STALE_JOB_MS) } },
    orderBy: { id: 'desc' },
  });
  if (other) throw new ApiError('conflict', `A ${kind} job is already running (job ${other.id}).`);
}

function toApiError(error: unknown): unknown {
  if (error instanceof UsageError) return new ApiError('bad_request', `params: ${error.message}`);
  if (error instanceof Error && /being run by another process/.test(error.message))
    return new ApiError('conflict', error.message);
  return error;
}

/**
 * Starts a job in the background and answers with its row as soon as it exists (status running).
 * Throws conflict (409) while a job of the same kind runs; the job's outcome is recorded in its row.
 */
export async function startJob(input: StartJob): Promise<Job> {
  if (running.has(input.kind))
    throw new ApiError('conflict', `A ${input.kind} job is already running on this server.`);
  // Reserve the kind before the first await, so two simultaneous requests cannot both start one.
  let release: () => void = () => {};
  running.set(
    input.kind,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  let db: Database;
  try {
    db = await getDatabase();
    await assertNoOtherRunning(db, input.kind);
  } catch (error) {
    running.delete(input.kind);
    release();
    throw error;
  }
  release();
  let started: (id: number) => void = () => {};
  const jobId = new Promise<number>((resolve) => {
    started = resolve;
  });
  const work = run(db, input, (id) => started(id));
  running.set(input.kind, work);
  work
    .catch((error: unknown) => {
      // The job row holds the message; the log gets it too (never a token: errors name URLs, not headers).
      console.error(`${input.kind} job failed: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      running.delete(input.kind);
      clearDataCache();
    });
  try {
    const id = await Promise.race([jobId, work.then(() => jobId)]);
    return await getJobOrThrow(id);
  } catch (error) {
    throw toApiError(error);
  }
}

/** Waits for the background job of `kind` started in this process, if any (tests, shutdown). */
export async function settleJob(kind: Kind): Promise<void> {
  await running.get(kind)?.catch(() => {});
}
