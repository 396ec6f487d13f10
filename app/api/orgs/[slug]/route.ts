// GET /api/orgs/[slug] – one organisation: its base models, their curves and its totals
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams } from '@/lib/api/request.ts';
import { getOrgDetailOrThrow } from '@/lib/data/orgs.ts';
import { type OrgParams, orgParamsSchema } from '@/lib/schemas/orgs.ts';

export const GET = withErrors(async (_request: Request, { params }: { params: Promise<OrgParams> }) => {
  const { slug } = await parseParams(params, orgParamsSchema);
  return Response.json(await getOrgDetailOrThrow(slug));
});
