import type { SearchParams } from 'nuqs/server';
import { HomeView } from '@/components/home/home-view.tsx';
import { getEcosystem } from '@/lib/data/ecosystem.ts';
import { listModels } from '@/lib/data/models.ts';
import { loadLeaderboard } from '@/lib/url-state.ts';

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { sort, dir } = await loadLeaderboard(searchParams);
  const [data, ecosystem] = await Promise.all([
    listModels({ sort, dir, limit: 25, offset: 0 }),
    getEcosystem({ cohort: 'year', min: 10 }),
  ]);
  return <HomeView leaderboard={{ sort, dir, data }} ecosystem={ecosystem} />;
}
