// GET /api/jobs – latest crawl, import, fit and simulation jobs; POST /api/jobs – start one (admin)
import { requireAdmin } from '@/lib/api/auth.ts';
import { parseJsonBody } from '@/lib/api/body.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { listJobs } from '@/lib/data/jobs.ts';
import { startJob } from '@/lib/jobs/run-job.ts';
import { jobsQuerySchema, startJobSchema } from '@/lib/schemas/jobs.ts';

export const GET = withErrors(async (request: Request) => {
  const query = parseQuery(request, jobsQuerySchema);
  return Response.json(await listJobs(query));
});

export const POST = withErrors(async (request: Request) => {
  requireAdmin(request);
  const body = await parseJsonBody(request, startJobSchema);
  return Response.json(await startJob(body), { status: 202 });
});
