// GET /api/parameters – fitted λ, μ, σ of every base model, ours or the paper's (JSON or CSV)
import { csvResponse } from '@/lib/api/csv.ts';
import { parametersCsv } from '@/lib/api/csv-views.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { listParameters } from '@/lib/data/parameters.ts';
import { parametersQuerySchema } from '@/lib/schemas/parameters.ts';

export const GET = withErrors(async (request: Request) => {
  const { format, ...query } = parseQuery(request, parametersQuerySchema);
  const view = await listParameters(query);
  if (format === 'csv') return csvResponse(parametersCsv(view), `parameters_${query.method}.csv`);
  return Response.json(view);
});
