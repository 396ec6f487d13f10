// GET /api/models/[org]/[name]/cohort – a base model against its release cohort at the same age
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { getCohortOrThrow } from '@/lib/data/cohort.ts';
import { cohortQuerySchema } from '@/lib/schemas/cohort.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const { metric, window } = parseQuery(request, cohortQuerySchema);
  return Response.json(await getCohortOrThrow(`${org}/${name}`, metric, window));
});
