// GET /api/models/[org]/[name]/series – a base model's cumulative series of one metric (JSON or CSV)
import { csvResponse } from '@/lib/api/csv.ts';
import { seriesCsv } from '@/lib/api/csv-views.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { getSeriesViewOrThrow } from '@/lib/data/series.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';
import { seriesQuerySchema } from '@/lib/schemas/series.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const { metric, format } = parseQuery(request, seriesQuerySchema);
  const view = await getSeriesViewOrThrow(`${org}/${name}`, metric);
  if (format === 'csv') return csvResponse(seriesCsv(view), `${org}_${name}_${metric}_series.csv`);
  return Response.json(view);
});
