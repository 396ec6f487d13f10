/**
 * The view state that lives in the URL (nuqs parsers). Shared by pages (server: `createLoader`) and client
 * components (`useQueryStates`), so a shared link and the first paint agree. Defaults never appear in the URL.
 */
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsFloat,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsStringLiteral,
} from 'nuqs/server';

export const METRICS = ['all', 'finetune', 'adapter', 'quantized', 'merge', 'downloads'] as const;
export type MetricKey = (typeof METRICS)[number];
export const MODES = ['cum', 'new'] as const;
export const SCALES = ['log', 'linear'] as const;
export const ALIGNS = ['calendar', 'release'] as const;
export const RANGES = ['all', '1y', '2y', '3y'] as const;
export type RangeKey = (typeof RANGES)[number];
export const BANDS = [80, 95] as const;
export const SORTS = ['derivatives', 'growth3m', 'lambda', 'eventual', 'forecast12', 'percentile'] as const;
export type SortKey = (typeof SORTS)[number];
export const DIRS = ['desc', 'asc'] as const;
export const PARAM_METHODS = ['wsb-eb', 'paper-published'] as const;
export const MAX_COMPARE = 10;

/** Months of age shown for each `range` value (null: everything). */
export const RANGE_MONTHS: Record<RangeKey, number | null> = { all: null, '1y': 12, '2y': 24, '3y': 36 };

/** `asof=YYYY-MM`: anything else is ignored rather than breaking the page. */
export const parseAsMonth = createParser({
  parse: (value: string) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null),
  serialize: (value: string) => value,
});

/** `m=Qwen/Qwen1.5-0.5B~google/gemma-2b`: model ids joined by "~" (ids never contain "~"). */
export const parseAsModelList = createParser({
  parse: (value: string) => {
    const ids = value
      .split('~')
      .map((id) => id.trim())
      .filter((id) => /^[^/\s]+\/[^/\s]+$/.test(id));
    return [...new Set(ids)].slice(0, MAX_COMPARE);
  },
  serialize: (ids: string[]) => ids.join('~'),
  eq: (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]),
});

/** View of one model's charts: `/models/{org}/{name}?metric=…&mode=…&scale=…&range=…&fc=…&band=…&asof=…`. */
export const modelViewParsers = {
  metric: parseAsStringLiteral(METRICS).withDefault('all'),
  mode: parseAsStringLiteral(MODES).withDefault('cum'),
  scale: parseAsStringLiteral(SCALES).withDefault('log'),
  range: parseAsStringLiteral(RANGES).withDefault('all'),
  // No default: absent means the API's own default horizon (12 months, or 75 days for downloads).
  fc: parseAsInteger,
  band: parseAsNumberLiteral(BANDS).withDefault(80),
  asof: parseAsMonth,
};

/** `/compare?m=…&metric=…&scale=…&align=release&fc=…&band=…`. */
export const compareViewParsers = {
  m: parseAsModelList.withDefault([]),
  metric: parseAsStringLiteral(METRICS).withDefault('all'),
  scale: parseAsStringLiteral(SCALES).withDefault('log'),
  align: parseAsStringLiteral(ALIGNS).withDefault('calendar'),
  fc: parseAsInteger,
  band: parseAsNumberLiteral(BANDS).withDefault(80),
};

/** Home leaderboard: `/?sort=lambda&dir=asc`. */
export const leaderboardParsers = {
  sort: parseAsStringLiteral(SORTS).withDefault('derivatives'),
  dir: parseAsStringLiteral(DIRS).withDefault('desc'),
};

/** Organisation views: `/orgs?lmin=1&lmax=10` (the paper's 1 ≤ λ ≤ 10 filter is the default), `/orgs/{org}?scale=linear`. */
export const orgsViewParsers = {
  lmin: parseAsFloat.withDefault(1),
  lmax: parseAsFloat.withDefault(10),
  scale: parseAsStringLiteral(SCALES).withDefault('log'),
};

/** `/parameters?method=paper-published`. */
export const parametersViewParsers = {
  method: parseAsStringLiteral(PARAM_METHODS).withDefault('wsb-eb'),
};

export const loadModelView = createLoader(modelViewParsers);
export const loadCompareView = createLoader(compareViewParsers);
export const loadLeaderboard = createLoader(leaderboardParsers);
export const loadOrgsView = createLoader(orgsViewParsers);
export const loadParametersView = createLoader(parametersViewParsers);

export const serializeModelView = createSerializer(modelViewParsers);
export const serializeCompareView = createSerializer(compareViewParsers);

/** Path of a model page: "Qwen/Qwen1.5-0.5B" → "/models/Qwen/Qwen1.5-0.5B". */
export function modelPath(repoId: string): string {
  return `/models/${repoId.split('/').map(encodeURIComponent).join('/')}`;
}

/** Path of an organisation page. */
export function orgPath(slug: string): string {
  return `/orgs/${encodeURIComponent(slug)}`;
}

/** Hub page of any repository. */
export function hubUrl(repoId: string): string {
  return `https://huggingface.co/${repoId}`;
}
