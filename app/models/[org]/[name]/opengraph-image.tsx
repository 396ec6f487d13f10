// Open Graph image of /models/{org}/{name}: the model's derivatives with the 12-month forecast.
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
  const { org, name } = await params;
  const repoId = `${decodeURIComponent(org)}/${decodeURIComponent(name)}`;
  const card = await getShareCardOrThrow(repoId, { metric: 'all', fc: 12 }).catch(() => null);
  return modelImage(card);
}
