// GET /api/models/[org]/[name]/track-record – past forecasts of a base model against what happened
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { getTrackRecordOrThrow } from '@/lib/data/track-record.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';
import { trackRecordQuerySchema } from '@/lib/schemas/track-record.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const { metric } = parseQuery(request, trackRecordQuerySchema);
  return Response.json(await getTrackRecordOrThrow(`${org}/${name}`, metric));
});
