// GET /api/ecosystem – new derivatives per month by creation cohort, and curves by creation year
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { getEcosystem } from '@/lib/data/ecosystem.ts';
import { ecosystemQuerySchema } from '@/lib/schemas/ecosystem.ts';

export const GET = withErrors(async (request: Request) => {
  const query = parseQuery(request, ecosystemQuerySchema);
  return Response.json(await getEcosystem(query));
});
