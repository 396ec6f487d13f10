// GET /api/compare/image – Open Graph PNG of a comparison (/compare?m=… pages point their og:image here)

import { withErrors } from '@/lib/api/errors.ts';
import { enforceRateLimit } from '@/lib/api/rate-limit.ts';
import { parseQuery } from '@/lib/api/request.ts';
import { compareImage } from '@/lib/charts/og-card.tsx';
import { getShareCardOrThrow } from '@/lib/data/share.ts';
import { compareImageQuerySchema } from '@/lib/schemas/badge.ts';

export const GET = withErrors(async (request: Request) => {
  const { m, fc } = parseQuery(request, compareImageQuerySchema);
  enforceRateLimit(request);
  const cards = await Promise.all(m.map((repoId) => getShareCardOrThrow(repoId, { metric: 'all', fc })));
  const image = compareImage(cards);
  image.headers.set('Cache-Control', 'public, max-age=3600');
  return image;
});
