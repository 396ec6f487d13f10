// GET /api/jobs – latest crawl, import, fit and simulation jobs
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { listJobs } from '@/lib/data/jobs.ts';
import { jobsQuerySchema } from '@/lib/schemas/jobs.ts';

export const GET = withErrors(async (request: Request) => {
  const query = parseQuery(request, jobsQuerySchema);
  return Response.json(await listJobs(query));
});
