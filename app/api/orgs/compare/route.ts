// GET /api/orgs/compare – densities of derivatives at 2/6/12 months and parameters per organisation (JSON or CSV)
import { csvResponse } from '@/lib/api/csv.ts';
import { orgsCompareCsv } from '@/lib/api/csv-views.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { compareOrgs } from '@/lib/data/orgs.ts';
import { orgsCompareQuerySchema } from '@/lib/schemas/orgs.ts';

export const GET = withErrors(async (request: Request) => {
  const { format, ...query } = parseQuery(request, orgsCompareQuerySchema);
  const view = await compareOrgs(query);
  if (format === 'csv') return csvResponse(orgsCompareCsv(view), 'orgs_compare_densities.csv');
  return Response.json(view);
});
