// npx tsx bench/load-test.ts [--clients 50] [--seconds 60] [--max-requests 200000] [--base URL --pid PID]
// Load test of the production build on the paper's data: N concurrent clients for T seconds over a mix of
// pages and API calls (home, model pages, forecasts with and without asof, compare, parameters, orgs).
// Reports errors, p50/p95/p99 per route and overall, and the server's memory (RSS from /proc/<pid>/status)
// over time. Without --base it starts the server itself like scripts/e2e-server.ts (the build must exist:
// `npx next build`), with the rate limiter off (RATE_LIMIT_PER_MINUTE=0: one machine plays every client).
// Exits 1 on any error (non-2xx, timeout) or when the server's RSS grows by more than --max-growth (0.5)
// from the 2nd to the last quarter of the run. Loopback only. CI: --clients 10 --seconds 10.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    pid: { type: 'string' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'max-requests': { type: 'string', default: '200000' },
    'max-growth': { type: 'string', default: '0.5' },
    models: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
  },
});
const clients = Math.max(1, Math.min(500, Number(args.clients)));
const seconds = Math.max(1, Math.min(3600, Number(args.seconds)));
const maxRequests = Math.max(1, Number(args['max-requests']));
const maxGrowth = Number(args['max-growth']);
const REQUEST_TIMEOUT_MS = 30_000;

// ---- the server --------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The Next server among the descendants of `root` (its process title is "next-server …"). */
function findServerPid(root: number): number | null {
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    if (pid !== root && /next-server|next start|next\/dist\/bin\/next/.test(cmdline(pid))) return pid;
    queue.push(...childrenOf(pid));
  }
  return null;
}

/** Resident set size in bytes, or null when the process is gone. */
function rss(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function waitHealthy(base: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`${base} did not become healthy within ${timeoutMs / 1000} s`);
}

async function startServer(): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    path.resolve('node_modules/.bin/tsx'),
    ['scripts/e2e-server.ts', '--port', String(port)],
    {
      env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  };
  try {
    await waitHealthy(base, child, 600_000);
    const pid = findServerPid(child.pid as number);
    if (!pid) throw new Error('could not find the next-server process');
    return { base, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// ---- the workload ------------------------------------------------------------------------------

type Target = { route: string; url: string; weight: number };

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return (await res.json()) as T;
}

/** Several real models, each with an asof in the middle of its data. */
async function buildTargets(base: string, count: number): Promise<Target[]> {
  const list = await json<{ items: { repoId: string }[] }>(`${base}/api/models?limit=${count}`);
  const models: { repoId: string; asof: string | null }[] = [];
  for (const { repoId } of list.items) {
    const series = await json<{ points: { date: string }[]; lastPartial: boolean }>(
      `${base}/api/models/${repoId}/series`,
    );
    const n = series.points.length - (series.lastPartial ? 1 : 0);
    models.push({ repoId, asof: n >= 10 ? series.points[Math.floor(n / 2)].date.slice(0, 7) : null });
  }
  const ids = models.map((m) => m.repoId);
  const targets: Target[] = [
    { route: 'page /', url: '/', weight: 3 },
    { route: 'page /parameters', url: '/parameters', weight: 1 },
    { route: 'page /orgs', url: '/orgs', weight: 1 },
    { route: 'api /api/parameters', url: '/api/parameters', weight: 1 },
    { route: 'api /api/orgs', url: '/api/orgs', weight: 2 },
    { route: 'api /api/compare', url: `/api/compare?m=${ids.slice(0, 3).join('~')}`, weight: 2 },
    {
      route: 'api /api/compare',
      url: `/api/compare?m=${ids.slice(3, 6).join('~')}&align=calendar`,
      weight: 1,
    },
  ];
  for (const { repoId, asof } of models) {
    targets.push({ route: 'page /models/{id}', url: `/models/${repoId}`, weight: 2 });
    targets.push({ route: 'api forecast', url: `/api/models/${repoId}/forecast`, weight: 3 });
    if (asof)
      targets.push({
        route: 'api forecast?asof',
        url: `/api/models/${repoId}/forecast?asof=${asof}`,
        weight: 2,
      });
  }
  return targets;
}

type Sample = { route: string; ms: number; ok: boolean; status: number };

function quantile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function request(base: string, target: Target): Promise<Sample> {
  const start = performance.now();
  try {
    const res = await fetch(`${base}${target.url}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { route: target.route, ms: performance.now() - start, ok: res.ok, status: res.status };
  } catch {
    return { route: target.route, ms: performance.now() - start, ok: false, status: 0 };
  }
}

async function main(): Promise<number> {
  let base = args.base?.replace(/\/$/, '');
  let pid = args.pid ? Number(args.pid) : null;
  let stop = async () => {};
  if (base) {
    const host = new URL(base).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
      console.error(`--base must be a loopback address (127.0.0.1, localhost, ::1), not ${host}`);
      return 2;
    }
    await waitHealthy(base, null, 30_000);
  } else {
    console.error('starting the production server on the paper data (scripts/e2e-server.ts)…');
    const server = await startServer();
    ({ base, pid, stop } = server);
  }
  try {
    const targets = await buildTargets(base, Number(args.models));
    const bag = targets.flatMap((t) => Array<Target>(t.weight).fill(t));
    // One request per URL first: on-demand fits and cold caches are not what the run measures.
    for (const target of targets) await request(base, target);

    const memory: { t: number; rss: number }[] = [];
    const t0 = performance.now();
    const sampleMemory = () => {
      const value = pid ? rss(pid) : null;
      if (value !== null) memory.push({ t: (performance.now() - t0) / 1000, rss: value });
    };
    sampleMemory();
    const sampler = setInterval(sampleMemory, 500);
    const samples: Sample[] = [];
    const until = t0 + seconds * 1000;
    let issued = 0;
    let cursor = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until && issued < maxRequests) {
          issued++;
          samples.push(await request(base as string, bag[cursor++ % bag.length]));
        }
      }),
    );
    clearInterval(sampler);
    sampleMemory();
    const elapsed = (performance.now() - t0) / 1000;

    const routes = [...new Set(samples.map((s) => s.route))].sort();
    const summarise = (list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((a, b) => a - b);
      return {
        n: list.length,
        errors: list.filter((s) => !s.ok).length,
        rps: list.length / elapsed,
        p50: quantile(ms, 0.5),
        p95: quantile(ms, 0.95),
        p99: quantile(ms, 0.99),
        max: ms.at(-1) ?? Number.NaN,
      };
    };
    const rows = [
      ...routes.map((route) => ({ route, ...summarise(samples.filter((s) => s.route === route)) })),
      { route: 'overall', ...summarise(samples) },
    ];
    const quarters = [0, 1, 2, 3].map((q) => {
      const inQ = memory.filter((m) => m.t >= (q * elapsed) / 4 && m.t < ((q + 1) * elapsed) / 4 + 1e-9);
      return inQ.length ? inQ.reduce((a, m) => a + m.rss, 0) / inQ.length : Number.NaN;
    });
    const growth = quarters[3] / quarters[1] - 1;
    const errors = samples.filter((s) => !s.ok);
    const statuses = Object.entries(
      errors.reduce<Record<string, number>>((acc, s) => {
        acc[s.status] = (acc[s.status] ?? 0) + 1;
        return acc;
      }, {}),
    );

    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `\n${clients} clients, ${elapsed.toFixed(1)} s, ${samples.length} requests (${(samples.length / elapsed).toFixed(0)}/s) against ${base}`,
    );
    console.log('route                       n   errors   req/s    p50 ms   p95 ms   p99 ms   max ms');
    for (const r of rows) {
      console.log(
        `${r.route.padEnd(24)}${String(r.n).padStart(6)}${String(r.errors).padStart(9)}${r.rps.toFixed(1).padStart(8)}` +
          `${r.p50.toFixed(0).padStart(10)}${r.p95.toFixed(0).padStart(9)}${r.p99.toFixed(0).padStart(9)}${r.max.toFixed(0).padStart(9)}`,
      );
    }
    if (memory.length) {
      console.log(
        `server RSS (pid ${pid}): start ${mb(memory[0].rss)}, quarters ${quarters.map(mb).join(' / ')}, end ${mb(memory.at(-1)?.rss ?? 0)}, ` +
          `max ${mb(Math.max(...memory.map((m) => m.rss)))}; growth Q2→Q4 ${(growth * 100).toFixed(1)}%`,
      );
    } else console.log('server RSS: not measured (pass --pid for a server started elsewhere)');
    if (args.json)
      console.log(JSON.stringify({ clients, seconds: elapsed, rows, memory: { quarters, growth } }));

    let failed = false;
    if (errors.length) {
      console.error(
        `FAIL: ${errors.length} errors (status: count ${statuses.map(([s, n]) => `${s}: ${n}`).join(', ')})`,
      );
      failed = true;
    } else console.log('zero errors: ok');
    if (memory.length && growth > maxGrowth) {
      console.error(
        `FAIL: server memory grew ${(growth * 100).toFixed(1)}% from the 2nd to the last quarter (limit ${maxGrowth * 100}%)`,
      );
      failed = true;
    } else if (memory.length) console.log(`memory growth within ${maxGrowth * 100}%: ok`);
    return failed ? 1 : 0;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
