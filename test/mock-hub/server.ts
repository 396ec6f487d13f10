// A local stand-in for the Hub's model API (GET /api/models, GET /api/models/{id}[/revision/{rev}]), as
// described in shared/notes/hf-api.md: bare JSON arrays, absolute Link next URLs with a keyset cursor,
// expand semantics, computed lineage tags, fixed-window RateLimit headers and injectable faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockFault, MockModel, MockRequest } from '@/test/mock-hub/types.ts';

export type { MockFault, MockModel, MockRequest } from '@/test/mock-hub/types.ts';

export interface MockHubOptions {
  models?: MockModel[];
  /** Requests per window (default 500, the anonymous quota). */
  quota?: number;
  /** Window length in seconds (default 300). */
  windowSeconds?: number;
  /** The mock's clock in epoch ms (share a FakeClock with the client to skip waits). */
  now?: () => number;
  /** old repo id → new repo id: answered with 307. */
  renames?: Record<string, string>;
  /** Tokens accepted as valid; any other Bearer token gets 401. Default: any token starting with hf_. */
  tokens?: string[];
  /** Largest page the server hands out (default 1000). */
  maxLimit?: number;
  faults?: MockFault[];
  /** Also send Retry-After on quota 429s (default true). */
  retryAfter?: boolean;
}

export interface MockHubState {
  models: Map<string, MockModel>;
  renames: Map<string, string>;
  faults: MockFault[];
  requests: MockRequest[];
  /** 429s for a spent budget (a polite client causes none). */
  rateLimited: number;
  /** 429s injected as faults. */
  injected429: number;
  /** Largest number of requests served in one window. */
  maxUsedInWindow: number;
  window: { start: number; used: number };
}

export interface MockHub {
  url: string;
  state: MockHubState;
  close(): Promise<void>;
}

const LIST_EXPANDABLE = new Set([
  'author',
  'baseModels',
  'cardData',
  'config',
  'createdAt',
  'disabled',
  'downloads',
  'downloadsAllTime',
  'evalResults',
  'gated',
  'gguf',
  'inference',
  'inferenceProviderMapping',
  'lastModified',
  'library_name',
  'likes',
  'mask_token',
  'model-index',
  'pipeline_tag',
  'private',
  'resourceGroup',
  'safetensors',
  'sha',
  'siblings',
  'spaces',
  'tags',
  'transformersInfo',
  'trendingScore',
  'widgetData',
  'xetEnabled',
]);
const DETAIL_EXPANDABLE = new Set([...LIST_EXPANDABLE, 'childrenModelCount', 'usedStorage']);
const LIST_DEFAULT = [
  'likes',
  'trendingScore',
  'private',
  'downloads',
  'tags',
  'pipeline_tag',
  'library_name',
  'createdAt',
  'modelId',
];
const DETAIL_DEFAULT = [
  'private',
  'pipeline_tag',
  'library_name',
  'tags',
  'downloads',
  'likes',
  'modelId',
  'author',
  'sha',
  'lastModified',
  'gated',
  'disabled',
  'cardData',
  'siblings',
  'spaces',
  'createdAt',
];
const SORT_KEYS = new Set([
  'trendingScore',
  'downloads',
  'downloadsAllTime',
  'likes',
  'createdAt',
  'lastModified',
  'id',
]);

type Json = Record<string, unknown>;

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

function sortValue(model: MockModel, key: string): number | string {
  switch (key) {
    case 'id':
      return model.id;
    case 'createdAt':
      return Date.parse(model.createdAt);
    case 'lastModified':
      return Date.parse(model.lastModified ?? model.createdAt);
    case 'downloads':
      return model.downloads;
    case 'downloadsAllTime':
      return model.downloadsAllTime;
    case 'likes':
      return model.likes;
    default:
      return model.trendingScore ?? 0;
  }
}

export async function startMockHub(options: MockHubOptions = {}): Promise<MockHub> {
  const now = options.now ?? Date.now;
  const quota = options.quota ?? 500;
  const windowMs = (options.windowSeconds ?? 300) * 1000;
  const state: MockHubState = {
    models: new Map((options.models ?? []).map((model) => [model.id, model])),
    renames: new Map(Object.entries(options.renames ?? {})),
    faults: options.faults ?? [],
    requests: [],
    rateLimited: 0,
    injected429: 0,
    maxUsedInWindow: 0,
    window: { start: 0, used: 0 },
  };
  const faultHits = new Map<MockFault, number>();

  function children(parentId: string): MockModel[] {
    return [...state.models.values()].filter((m) => !m.private && m.parents?.some((p) => p.id === parentId));
  }

  function record(model: MockModel, detail: boolean): Json {
    const parents = model.parents ?? [];
    const lineageTags = parents.flatMap((p) => [`base_model:${p.id}`, `base_model:${p.relation}:${p.id}`]);
    const card: Json = { ...(model.cardData ?? {}) };
    if (parents.length > 0) {
      card.base_model = parents.length === 1 ? parents[0].id : parents.map((p) => p.id);
      card.base_model_relation = parents[0].relation;
    }
    const full: Json = {
      _id: model._id,
      id: model.id,
      author: model.id.includes('/') ? model.id.split('/')[0] : undefined,
      private: model.private ?? false,
      pipeline_tag: model.pipeline_tag,
      library_name: model.library_name,
      tags: [...model.tags, ...lineageTags],
      downloads: model.downloads,
      downloadsAllTime: model.downloadsAllTime,
      likes: model.likes,
      trendingScore: model.trendingScore ?? 0,
      modelId: model.id,
      sha: model._id.padEnd(40, '0'),
      lastModified: model.lastModified ?? model.createdAt,
      gated: model.gated ?? false,
      disabled: false,
      cardData: card,
      siblings: [{ rfilename: '.gitattributes' }, { rfilename: 'README.md' }],
      spaces: [],
      createdAt: model.createdAt,
    };
    if (parents.length > 0) {
      full.baseModels = {
        relation: parents[0].relation,
        models: parents.map((p) => ({ _id: state.models.get(p.id)?._id ?? '0'.repeat(24), id: p.id })),
      };
    }
    if (detail) {
      const counts: Json = {};
      for (const child of children(model.id)) {
        const relation = child.parents?.find((p) => p.id === model.id)?.relation;
        if (relation) counts[relation] = ((counts[relation] as number | undefined) ?? 0) + 1;
      }
      full.childrenModelCount = counts;
      full.usedStorage = 1_000_000;
    }
    return full;
  }

  function project(model: MockModel, expand: string[], detail: boolean): Json {
    const full = record(model, detail);
    const keys = expand.length > 0 ? expand : detail ? DETAIL_DEFAULT : LIST_DEFAULT;
    const out: Json = { _id: full._id, id: full.id };
    for (const key of keys) if (full[key] !== undefined) out[key] = full[key];
    if (model.malformed === 'missing-id') delete out.id;
    if (model.malformed === 'wrong-types') {
      out.downloads = 'many';
      out.tags = 'not-a-list';
      out.createdAt = 12;
    }
    return out;
  }

  function rateHeaders(remaining: number): Record<string, string> {
    const reset = Math.max(1, Math.ceil((state.window.start + windowMs - now()) / 1000));
    return {
      ratelimit: `"api";r=${remaining};t=${reset}`,
      'ratelimit-policy': `"fixed window";"api";q=${quota};w=${windowMs / 1000}`,
    };
  }

  function matchFault(request: MockRequest): MockFault | undefined {
    for (const fault of state.faults) {
      const hits = faultHits.get(fault) ?? 0;
      if (hits >= (fault.times ?? 1)) continue;
      const matches = typeof fault.on === 'number' ? fault.on === request.n : fault.on(request);
      if (matches) {
        faultHits.set(fault, hits + 1);
        return fault;
      }
    }
    return undefined;
  }

  function parseExpand(query: URLSearchParams, allowed: Set<string>): string[] | { invalid: string } {
    const expand = [...query.getAll('expand'), ...query.getAll('expand[]')];
    const invalid = expand.find((key) => !allowed.has(key));
    return invalid ? { invalid } : expand;
  }

  function listModels(
    query: URLSearchParams,
    origin: string,
    path: string,
  ): { status: number; body: string; headers: Record<string, string> } {
    const expand = parseExpand(query, LIST_EXPANDABLE);
    if (!Array.isArray(expand)) {
      return {
        status: 400,
        body: JSON.stringify({ error: `"expand" contains an invalid value: ${expand.invalid}` }),
        headers: {},
      };
    }
    const search = query.get('search')?.toLowerCase();
    const author = query.get('author');
    const filters = [...query.getAll('filter'), ...query.getAll('other')];
    const pipeline = query.get('pipeline_tag');
    const sortKey = SORT_KEYS.has(query.get('sort') ?? '') ? (query.get('sort') as string) : 'trendingScore';
    const maxLimit = options.maxLimit ?? 1000;
    const limit = Math.min(maxLimit, Math.max(1, Number(query.get('limit')) || maxLimit));

    let items = [...state.models.values()].filter((model) => {
      if (model.private) return false;
      if (search && !model.id.toLowerCase().includes(search)) return false;
      if (author && model.id.split('/')[0] !== author) return false;
      if (pipeline && model.pipeline_tag !== pipeline) return false;
      const tags = new Set(record(model, false).tags as string[]);
      return filters.every((tag) => tags.has(tag));
    });
    // Keyset order: the sort key descending, ties by _id ascending (as the real cursor encodes).
    const compare = (a: MockModel, b: MockModel) => {
      const va = sortValue(a, sortKey);
      const vb = sortValue(b, sortKey);
      if (va !== vb) return va < vb ? 1 : -1;
      return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
    };
    items.sort(compare);
    const cursor = query.get('cursor');
    if (cursor) {
      let after: { v: number | string; _id: string };
      try {
        after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        return { status: 400, body: JSON.stringify({ error: 'Invalid cursor' }), headers: {} };
      }
      items = items.filter((m) => {
        const v = sortValue(m, sortKey);
        return v < after.v || (v === after.v && m._id > after._id);
      });
    }
    const page = items.slice(0, limit);
    const headers: Record<string, string> = {};
    if (items.length > limit) {
      const last = page[page.length - 1];
      const next = new URLSearchParams(query);
      next.set(
        'cursor',
        Buffer.from(JSON.stringify({ v: sortValue(last, sortKey), _id: last._id })).toString('base64url'),
      );
      headers.link = `<${origin}${path}?${next.toString()}>; rel="next"`;
    }
    return { status: 200, body: JSON.stringify(page.map((m) => project(m, expand, false))), headers };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const origin = `http://${req.headers.host}`;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    const request: MockRequest = {
      n: state.requests.length + 1,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      token,
    };
    state.requests.push(request);

    const time = now();
    if (time >= state.window.start + windowMs) state.window = { start: time - (time % windowMs), used: 0 };

    const fault = matchFault(request);
    if (fault?.kind === '429') {
      state.injected429 += 1;
      const headers: Record<string, string> = {};
      if (fault.withRateLimit !== false) Object.assign(headers, rateHeaders(0));
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      send(res, 429, JSON.stringify({ error: 'Too Many Requests' }), headers);
      return;
    }
    if (state.window.used >= quota) {
      state.rateLimited += 1;
      const headers = rateHeaders(0);
      if (options.retryAfter !== false) headers['retry-after'] = headers.ratelimit.split('t=')[1];
      send(res, 429, JSON.stringify({ error: 'You have exceeded our rate limit' }), headers);
      return;
    }
    state.window.used += 1;
    state.maxUsedInWindow = Math.max(state.maxUsedInWindow, state.window.used);
    const headers = rateHeaders(quota - state.window.used);

    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.kind === 'status') {
      send(res, fault.status, JSON.stringify({ error: 'Internal Error' }), headers);
      return;
    }
    if (fault?.kind === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }

    if (token !== null) {
      const valid = options.tokens ? options.tokens.includes(token) : token.startsWith('hf_');
      if (!valid) {
        send(res, 401, JSON.stringify({ error: 'Invalid credentials in Authorization header' }), {
          ...headers,
          'x-error-message': 'Invalid credentials in Authorization header',
        });
        return;
      }
    }

    let out: { status: number; body: string; headers: Record<string, string> };
    if (req.method !== 'GET') {
      out = { status: 405, body: JSON.stringify({ error: 'Method not allowed' }), headers: {} };
    } else if (url.pathname === '/api/models') {
      out = listModels(url.searchParams, origin, url.pathname);
    } else if (url.pathname.startsWith('/api/models/')) {
      const rest = url.pathname.slice('/api/models/'.length);
      const [repoPart, revision] = rest.split('/revision/');
      const repoId = decodeURIComponent(repoPart);
      const renamed = state.renames.get(repoId);
      if (renamed) {
        const location = `/api/models/${renamed}${revision !== undefined ? `/revision/${revision}` : ''}${url.search}`;
        res.writeHead(307, { 'content-type': 'text/plain; charset=utf-8', location, ...headers });
        res.end(`Temporary Redirect. Redirecting to /api/models/${renamed}`);
        return;
      }
      const model = state.models.get(repoId);
      const expand = parseExpand(url.searchParams, DETAIL_EXPANDABLE);
      if (!Array.isArray(expand)) {
        out = {
          status: 400,
          body: JSON.stringify({ error: `"expand" contains an invalid value: ${expand.invalid}` }),
          headers: {},
        };
      } else if (!model || model.private) {
        out =
          token === null
            ? { status: 401, body: JSON.stringify({ error: 'Invalid username or password.' }), headers: {} }
            : {
                status: 404,
                body: JSON.stringify({ error: 'Repository not found' }),
                headers: { 'x-error-code': 'RepoNotFound', 'x-error-message': 'Repository not found' },
              };
      } else {
        out = { status: 200, body: JSON.stringify(project(model, expand, true)), headers: {} };
      }
    } else {
      out = { status: 404, body: JSON.stringify({ error: 'Not found' }), headers: {} };
    }
    const body =
      fault?.kind === 'truncated'
        ? out.body.slice(0, Math.max(1, Math.floor(out.body.length / 2)))
        : out.body;
    send(res, out.status, body, { ...headers, ...out.headers });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
