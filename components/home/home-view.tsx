'use client';

import { SearchBox } from '@/components/search/search-box.tsx';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';
import type { ModelList } from '@/lib/schemas/models.ts';
import type { SortKey } from '@/lib/url-state.ts';
import { EcosystemOverview } from './ecosystem-overview.tsx';
import { Leaderboard } from './leaderboard.tsx';

export interface HomeViewProps {
  leaderboard: { sort: SortKey; dir: 'asc' | 'desc'; data: ModelList };
  ecosystem: EcosystemView | null;
}

/** Home: search, the leaderboard of base models and the ecosystem overview. */
export function HomeView({ leaderboard, ecosystem }: HomeViewProps) {
  return (
    <div className="stack">
      <div className="hero">
        <h1>How open-weight models grow</h1>
        <p className="lead">
          Fine-tunes, adapters, quantizations and merges of base models on Hugging Face, month by month, with
          fitted growth curves and forecasts you can check against what happened.
        </p>
        <SearchBox />
      </div>
      <Leaderboard initial={leaderboard} />
      <EcosystemOverview initial={ecosystem ?? undefined} />
    </div>
  );
}
