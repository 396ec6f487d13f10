// GET /api/models/[org]/[name] – a base model's summary, Hub metadata and available series
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams } from '@/lib/api/request.ts';
import { getModelDetailOrThrow } from '@/lib/data/models.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';

export const GET = withErrors(async (_request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  return Response.json(await getModelDetailOrThrow(`${org}/${name}`));
});
