import type { HubRelation } from '@/lib/hub/schemas.ts';

/** One fake repository of the mock Hub. Lineage tags, baseModels and childrenModelCount are computed. */
export interface MockModel {
  /** 24-hex Mongo ObjectId. */
  _id: string;
  id: string;
  createdAt: string;
  lastModified?: string;
  downloads: number;
  downloadsAllTime: number;
  likes: number;
  trendingScore?: number;
  gated?: false | 'auto' | 'manual';
  private?: boolean;
  pipeline_tag?: string;
  library_name?: string;
  /** Own tags, without the computed base_model:… ones. */
  tags: string[];
  parents?: { id: string; relation: HubRelation }[];
  /** Extra card metadata; base_model and base_model_relation are filled in from `parents`. */
  cardData?: Record<string, unknown>;
  /** Serve this model's record broken (in lists and on its detail route). */
  malformed?: 'missing-id' | 'wrong-types';
}

export interface MockRequest {
  /** 1-based number of the request since the server started. */
  n: number;
  method: string;
  path: string;
  query: URLSearchParams;
  token: string | null;
}

export type MockFault = {
  /** The request number it hits, or a predicate. */
  on: number | ((request: MockRequest) => boolean);
  /** How many requests it hits (default 1). */
  times?: number;
} & (
  | { kind: 'status'; status: number }
  | { kind: 'html' }
  | { kind: 'truncated' }
  | { kind: 'slow'; delayMs: number }
  /** A 429 out of turn: with `RateLimit` r=0 (default) or only a `Retry-After` of `retryAfter` seconds. */
  | { kind: '429'; retryAfter?: number; withRateLimit?: boolean }
);
