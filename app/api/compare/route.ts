// GET /api/compare – up to 10 base models side by side with their forecasts (JSON or CSV)
import { csvResponse } from '@/lib/api/csv.ts';
import { compareCsv } from '@/lib/api/csv-views.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { enforceRateLimit } from '@/lib/api/rate-limit.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { compareModelsOrThrow } from '@/lib/data/compare.ts';
import { compareQuerySchema } from '@/lib/schemas/compare.ts';

export const GET = withErrors(async (request: Request) => {
  const { format, ...query } = parseQuery(request, compareQuerySchema);
  enforceRateLimit(request);
  const view = await compareModelsOrThrow(query);
  if (format === 'csv') return csvResponse(compareCsv(view), `compare_${query.metric}.csv`);
  return Response.json(view);
});
