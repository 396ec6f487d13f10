// GET /api/models/[org]/[name]/forecast – forecast of a base model's derivatives (or downloads), JSON or CSV
import { csvResponse } from '@/lib/api/csv.ts';
import { forecastCsv } from '@/lib/api/csv-views.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { enforceRateLimit } from '@/lib/api/rate-limit.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { getForecastViewOrThrow } from '@/lib/data/forecast.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';
import { forecastQuerySchema } from '@/lib/schemas/forecast.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const { format, ...query } = parseQuery(request, forecastQuerySchema);
  // An asof forecast may fit on demand: that is the expensive kind, limited per client.
  if (query.asof !== undefined) enforceRateLimit(request);
  const view = await getForecastViewOrThrow(`${org}/${name}`, query);
  if (format === 'csv') return csvResponse(forecastCsv(view), `${org}_${name}_${query.metric}_forecast.csv`);
  return Response.json(view);
});
