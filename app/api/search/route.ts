// GET /api/search – base models and organisations matching a text
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { searchModelsAndOrgs } from '@/lib/data/search.ts';
import { searchQuerySchema } from '@/lib/schemas/search.ts';

export const GET = withErrors(async (request: Request) => {
  const query = parseQuery(request, searchQuerySchema);
  return Response.json(await searchModelsAndOrgs(query));
});
