// PUT /api/orgs/[slug]/authors – replace the Hub authors of an organisation (admin)
import { requireAdmin } from '@/lib/api/auth.ts';
import { parseJsonBody } from '@/lib/api/body.ts';
import { withErrors } from '@/lib/api/errors.ts';
import { parseParams } from '@/lib/api/request.ts';
import { setOrgAuthorsOrThrow } from '@/lib/data/orgs.ts';
import { type OrgParams, orgAuthorsBodySchema, orgParamsSchema } from '@/lib/schemas/orgs.ts';

export const PUT = withErrors(async (request: Request, { params }: { params: Promise<OrgParams> }) => {
  const { slug } = await parseParams(params, orgParamsSchema);
  requireAdmin(request);
  const { authors } = await parseJsonBody(request, orgAuthorsBodySchema);
  return Response.json(await setOrgAuthorsOrThrow(slug, authors));
});
