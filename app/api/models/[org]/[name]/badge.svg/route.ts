// GET /api/models/[org]/[name]/badge.svg – README badge: sparkline of derivatives with the forecast, from our database
import { withErrors } from '@/lib/api/errors.ts';
import { enforceRateLimit } from '@/lib/api/rate-limit.ts';
import { parseParams, parseQuery } from '@/lib/api/request.ts';
import { getBadgeSvgOrThrow } from '@/lib/data/share.ts';
import { badgeQuerySchema } from '@/lib/schemas/badge.ts';
import { type ModelParams, modelParamsSchema } from '@/lib/schemas/common.ts';

export const GET = withErrors(async (request: Request, { params }: { params: Promise<ModelParams> }) => {
  const { org, name } = await parseParams(params, modelParamsSchema);
  const query = parseQuery(request, badgeQuerySchema);
  enforceRateLimit(request);
  const svg = await getBadgeSvgOrThrow(`${org}/${name}`, query);
  return new Response(svg, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
});
