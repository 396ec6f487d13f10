// GET /api/models/[org]/[name]/derivatives – a base model's largest direct derivatives
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { listDerivativesOrThrow } from '@/lib/data/derivatives.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';
import { derivativesQuerySchema } from '@/lib/schemas/models.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const { limit, relation } = parseQuery(request, derivativesQuerySchema);
  return Response.json(await listDerivativesOrThrow(`${org}/${name}`, limit, relation));
});
