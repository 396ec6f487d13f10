// npx tsx bench/api-bench.ts [--base http://localhost:3000] [--seconds 20] [--clients 20] [--models 50]
// Latency of the model page and the forecast API under concurrent clients, against a running
// `next start` (run it on the paper dataset), with /api/health measured in the same run as reference.
// Targets: model page p95 < 300 ms, forecast API p95 < 50 ms.
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:3000' },
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '20' },
    models: { type: 'string', default: '50' },
  },
});
const base = args.base.replace(/\/$/, '');
const seconds = Number(args.seconds);
const clients = Number(args.clients);

type Result = {
  name: string;
  n: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

function quantile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function timed(url: string): Promise<{ ms: number; ok: boolean }> {
  const start = performance.now();
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return { ms: performance.now() - start, ok: res.ok };
  } catch {
    return { ms: performance.now() - start, ok: false };
  }
}

/** `clients` loops requesting the URLs round-robin for `seconds`. */
async function run(name: string, urls: string[]): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const { ms, ok } = await timed(urls[next++ % urls.length]);
        latencies.push(ms);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    n: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

/** One request per URL first: fits made on demand and cold caches are not what the run measures. */
async function warm(urls: string[]): Promise<number> {
  const start = performance.now();
  for (const url of urls) {
    const { ok } = await timed(url);
    if (!ok) throw new Error(`warm-up failed: ${url}`);
  }
  return performance.now() - start;
}

async function main(): Promise<void> {
  const list = (await (await fetch(`${base}/api/models?sort=derivatives&limit=${args.models}`)).json()) as {
    items: { repoId: string }[];
  };
  const ids = list.items.map((m) => m.repoId);
  if (!ids.length) throw new Error(`no models at ${base}/api/models: import the paper's data first`);
  const targets: [string, string[]][] = [
    ['reference /api/health', [`${base}/api/health`]],
    ['model page /models/{id}', ids.map((id) => `${base}/models/${id}`)],
    ['forecast API /api/models/{id}/forecast', ids.map((id) => `${base}/api/models/${id}/forecast`)],
  ];
  console.log(`${base}: ${clients} clients, ${seconds} s per target, ${ids.length} models round-robin`);
  const results: Result[] = [];
  for (const [name, urls] of targets) {
    const ms = await warm(urls);
    console.log(`  warm-up of ${name}: ${urls.length} requests in ${ms.toFixed(0)} ms`);
    results.push(await run(name, urls));
  }
  const ref = results[0];
  console.log(
    '\ntarget                                     requests  errors   req/s   p50 ms   p95 ms   p99 ms  p50/ref  p95/ref',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(42)} ${String(r.n).padStart(8)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(7)} ` +
        `${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ` +
        `${(r.p50 / ref.p50).toFixed(2).padStart(8)} ${(r.p95 / ref.p95).toFixed(2).padStart(8)}`,
    );
  }
  const [, page, forecast] = results;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`\nmodel page p95 ${page.p95.toFixed(1)} ms < 300 ms: ${verdict(page.p95 < 300)}`);
  console.log(`forecast API p95 ${forecast.p95.toFixed(1)} ms < 50 ms: ${verdict(forecast.p95 < 50)}`);
  if (results.some((r) => r.errors)) process.exitCode = 1;
}

await main();
