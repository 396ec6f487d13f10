// Full-Hub scale: a simulated 2,000,000-model graph under 20,000 base models, written as a hub-stats shaped
// parquet file, loaded by `runHubDumpImport` into a scratch PostgreSQL database (dropped afterwards) with
// every series derived. Prints rows/s, times and the peak RSS of the importing process.
//   npx tsx bench/hub-scale.ts [--models 2000000] [--bases 20000] [--file /tmp/hub-scale-2000000.parquet]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db.ts';
import { runHubDumpImport } from '@/lib/ingest/hub-dump.ts';
import { createScratchDatabase } from '@/test/helpers/db.ts';
import { generateHubDump } from '@/test/hub-dump/generate.ts';
import { writeHubDumpParquet } from '@/test/hub-dump/write-parquet.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const models = Number(option('models', '2000000'));
const bases = Number(option('bases', '20000'));
const file = option('file', path.join(tmpdir(), `hub-scale-${models}-${bases}.parquet`));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** CPU seconds (user + system) of a process, from /proc: the machine is shared, so wall time alone misleads. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

if (process.argv.includes('--write')) {
  // Child process: the file is written apart so its memory does not count against the import's.
  const started = Date.now();
  const rows = await writeHubDumpParquet(file, generateHubDump({ models, bases }));
  console.log(
    `wrote ${rows} rows to ${file} (${mb(statSync(file).size)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(0);
}

if (!existsSync(file)) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--write', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
}

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 200);
const scratch = await createScratchDatabase();
const db = await openDatabase({ url: scratch.url });
const [{ pid: backend }] = await db.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
// The server runs on this machine in the bench setup; without /proc access to it, report Node's CPU only.
const backendCpu = () => {
  try {
    return cpuSeconds(backend);
  } catch {
    return Number.NaN;
  }
};
const cpuStart = { node: process.cpuUsage(), pg: backendCpu(), load: loadavg()[0] };
try {
  let lastPrint = 0;
  const result = await runHubDumpImport(db, file, {
    onProgress: (p) => {
      if (Date.now() - lastPrint > 10_000 || p.phase === 'series') {
        lastPrint = Date.now();
        console.log(`  ${p.phase}: ${p.rows}/${p.totalRows} rows, rss ${mb(process.memoryUsage().rss)}`);
      }
    },
  });
  const [counts] = await db.sql.query<{ models: number; edges: number; series: number }>(
    `SELECT (SELECT count(*)::int FROM "HubModel") AS models, (SELECT count(*)::int FROM "LineageEdge") AS edges,
            (SELECT count(*)::int FROM "Series") AS series`,
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const nodeCpu = process.cpuUsage(cpuStart.node);
  const cpu = { node: (nodeCpu.user + nodeCpu.system) / 1e6, pg: backendCpu() - cpuStart.pg };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    [
      `hub-scale: ${models.toLocaleString('en')} models under ${bases.toLocaleString('en')} bases (${mb(statSync(file).size)} parquet)`,
      `  load     ${seconds(result.ms.load)}  (${Math.round(result.rows / (result.ms.load / 1000)).toLocaleString('en')} rows/s)`,
      `  series   ${seconds(result.ms.series)}  (${result.series.monthly.inserted} monthly series)`,
      `  total    ${seconds(result.ms.total)}`,
      `  peak RSS ${mb(peak)} (importing process)`,
      `  rows     ${counts.models} models, ${counts.edges} edges, ${counts.series} series`,
      `  CPU      node ${cpu.node.toFixed(1)} s, postgres backend ${cpu.pg.toFixed(1)} s ` +
        `(load average ${cpuStart.load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end, ${cpus().length} cores)`,
    ].join('\n'),
  );
} finally {
  clearInterval(sampler);
  await db.close();
  await scratch.drop();
}
