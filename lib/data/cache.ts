import 'server-only';
import { getDb } from '@/lib/db.ts';

// Reads of the dashboard are cached in memory, keyed by a cheap fingerprint of the data, so a page
// never recomputes what has not changed. Counting or scanning the big tables costs ~100 ms on the
// embedded database, so the fingerprint uses what every writer touches instead: imports, crawls
// and fit runs are Jobs and record Settings. Fits made on demand by this API move only the `fits`
// part, so they invalidate just the views that list fits (leaderboard, parameters, …).
// The fingerprint is re-read at most every VERSION_TTL_MS, which bounds how stale a view can be.
const VERSION_TTL_MS = 2_000;
const MAX_ENTRIES = 5_000;

type Version = { data: string; fits: string };
type Entry = { version: string; value: Promise<unknown> };

const state = {
  version: null as Version | null,
  versionAt: 0,
  refreshing: null as Promise<Version> | null,
  entries: new Map<string, Entry>(),
};

async function readVersion(): Promise<Version> {
  const prisma = await getDb();
  const [row] = await prisma.$queryRaw<Version[]>`
    SELECT concat_ws('|',
      (SELECT max(id) FROM "Job"), (SELECT max("updatedAt") FROM "Job"),
      (SELECT max(id) FROM "Series"), (SELECT max("updatedAt") FROM "Setting"),
      (SELECT count(*) FROM "OrgAuthor"), (SELECT count(*) FROM "Organisation")) AS data,
      coalesce((SELECT max(id) FROM "Fit"), 0)::text AS fits`;
  return row ?? { data: '', fits: '' };
}

function refreshVersion(now: number): Promise<Version> {
  state.refreshing ??= readVersion()
    .then((version) => {
      state.version = version;
      state.versionAt = now;
      return version;
    })
    .finally(() => {
      state.refreshing = null;
    });
  return state.refreshing;
}

/**
 * Fingerprint of the data views are computed from: `data` (series, jobs, settings, organisations)
 * and `fits`. Once known, a stale fingerprint is answered at once while a fresh one is read in the
 * background, so cached reads never wait behind a slow query on the single embedded connection.
 */
export async function getDataVersion(now = Date.now()): Promise<Version> {
  if (!state.version) return refreshVersion(now);
  if (now - state.versionAt > VERSION_TTL_MS) refreshVersion(now).catch(() => {});
  return state.version;
}

/**
 * The value of `compute` for `key` at the current data version (with `fits`: also at the current
 * set of stored fits). Concurrent callers share one computation; a failure is not kept.
 */
export async function cached<T>(
  key: string,
  compute: () => Promise<T>,
  options: { fits?: boolean } = {},
): Promise<T> {
  const current = await getDataVersion();
  const version = options.fits ? `${current.data}#${current.fits}` : current.data;
  const hit = state.entries.get(key);
  if (hit && hit.version === version) {
    // Re-insert: the map's insertion order doubles as the LRU order.
    state.entries.delete(key);
    state.entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  state.entries.set(key, { version, value });
  if (state.entries.size > MAX_ENTRIES) {
    const oldest = state.entries.keys().next().value;
    if (oldest !== undefined) state.entries.delete(oldest);
  }
  value.catch(() => {
    if (state.entries.get(key)?.value === value) state.entries.delete(key);
  });
  return value;
}

/** Forgets every cached view and the fingerprint (tests, and after writes in this process). */
export function clearDataCache(): void {
  state.version = null;
  state.versionAt = 0;
  state.entries.clear();
}
