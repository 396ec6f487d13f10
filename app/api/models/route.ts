// GET /api/models – leaderboard of base models, sortable and paged
import { withErrors } from '@/lib/api/errors.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { listModels } from '@/lib/data/models.ts';
import { modelsQuerySchema } from '@/lib/schemas/models.ts';

export const GET = withErrors(async (request: Request) => {
  const query = parseQuery(request, modelsQuerySchema);
  return Response.json(await listModels(query));
});
