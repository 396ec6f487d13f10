// GET /api/jobs/[id] – one job with its progress
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams } from '@/lib/api/request.ts';
import { getJobOrThrow } from '@/lib/data/jobs.ts';
import { jobParamsSchema } from '@/lib/schemas/jobs.ts';

export const GET = withErrors(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(params, jobParamsSchema);
  return Response.json(await getJobOrThrow(id));
});
