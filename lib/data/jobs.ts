import 'server-only';
import { notFound } from '@/lib/api/errors.ts';
import { getDb } from '@/lib/db.ts';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import type { Job, JobList, JobsQuery } from '@/lib/schemas/jobs.ts';

type JobRow = Prisma.JobGetPayload<object>;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    params: row.params,
    done: row.done,
    total: row.total,
    progress: row.total ? Math.min(row.done / row.total, 1) : null,
    counts: row.counts ?? null,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** GET /api/jobs: the latest jobs first (not cached: progress changes by the second). */
export async function listJobs(query: JobsQuery): Promise<JobList> {
  const prisma = await getDb();
  const rows = await prisma.job.findMany({
    where: { kind: query.kind, status: query.status },
    orderBy: { id: 'desc' },
    take: query.limit,
  });
  return { items: rows.map(toJob) };
}

/** GET /api/jobs/{id}; throws not_found naming the id. */
export async function getJobOrThrow(id: number): Promise<Job> {
  const prisma = await getDb();
  const row = await prisma.job.findUnique({ where: { id } });
  if (!row) throw notFound(`job ${id}: no such job`);
  return toJob(row);
}
