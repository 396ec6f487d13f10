// Open Graph image of /models/{org}/{name}: the model's derivatives with the 12-month forecast.
import { headers } from 'next/headers';
import { toErrorResponse } from '@/lib/api/errors.ts';
import { enforceRateLimit } from '@/lib/api/rate-limit.ts';
import { modelImage, OG_SIZE } from '@/lib/charts/og-card.tsx';
import { getShareCardOrThrow } from '@/lib/data/share.ts';

export const alt = 'Cumulative derivatives of the model with the forecast and its 80% band';
export const size = OG_SIZE;
export const contentType = 'image/png';

export default async function ModelOpenGraphImage({
  params,
}: {
  params: Promise<{ org: string; name: string }>;
}) {
  try {
    // Rendering a PNG (and maybe a fit) is expensive: the same per-client budget as the API's images.
    enforceRateLimit(await headers());
  } catch (error) {
    return toErrorResponse(error);
  }
  const { org, name } = await params;
  const card = await Promise.resolve()
    .then(() =>
      getShareCardOrThrow(`${decodeURIComponent(org)}/${decodeURIComponent(name)}`, {
        metric: 'all',
        fc: 12,
      }),
    )
    .catch(() => null);
  return modelImage(card);
}
