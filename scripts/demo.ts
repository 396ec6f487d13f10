// `npm run demo`: one command from an empty checkout to a dashboard with real curves. Applies the
// migrations, loads the paper's data (or, when it cannot be reached, a simulated ecosystem), fits
// every series, builds the app when needed, then serves it. A second start loads nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase, optionsFromEnv } from '@/lib/db.ts';
import { fitAllSeries } from '@/lib/fitting/index.ts';
import { runPaperImport } from '@/lib/ingest/paper.ts';
import { PaperSourceError, resolvePaperSource } from '@/lib/ingest/paper-source.ts';
import { simulateEcosystem } from '@/lib/simulate/ecosystem.ts';
import { writeEcosystem } from '@/lib/simulate/write-ecosystem.ts';
import { createStageProgress } from './progress.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const started = Date.now();

function log(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[demo ${elapsed}s] ${message}`);
}

async function stage<T>(name: string, step: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name}…`);
  const result = await step();
  log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

interface DemoArgs {
  from?: string;
  serve: boolean;
  build: boolean;
  simBases: number;
}

function readArgs(): DemoArgs {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      'no-serve': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'sim-bases': { type: 'string', default: '60' },
    },
  });
  return {
    from: values.from ?? (process.env.PAPER_DATA?.trim() || undefined),
    serve: !values['no-serve'],
    build: !values['no-build'],
    simBases: Number(values['sim-bases']) || 60,
  };
}

/** Loads data into an empty database: the paper's, else (when only a remote source failed) a simulation. */
async function loadData(db: Database, args: DemoArgs): Promise<void> {
  const present = await db.prisma.series.count();
  if (present > 0) {
    const sources = await db.prisma.setting.findMany({ where: { key: { startsWith: 'source.' } } });
    log(
      `data already loaded (${present} series; ${sources.map((s) => s.key).join(', ') || 'no source recorded'}): nothing to import`,
    );
    return;
  }
  const remote = !args.from || /^https?:\/\//i.test(args.from);
  const progress = createStageProgress('  import:');
  try {
    await stage(
      `importing the paper's data from ${args.from ?? "the authors' GitHub repository"}`,
      async () => {
        const result = await runPaperImport(db, {
          source: args.from,
          onStage: (name, done, total) => progress.update(name, done, total),
        });
        progress.stop();
        log(
          `${result.monthlySeries} monthly and ${result.downloadSeries} download series of ${result.models} models`,
        );
      },
    );
  } catch (error) {
    progress.stop();
    // A local folder the user named must work; only an unreachable download falls back to simulation.
    if (!(error instanceof PaperSourceError) || !remote) throw error;
    log(`the paper's data could not be reached: ${error.message}`);
    log('loading a SIMULATED ecosystem instead (the dashboard marks it as simulated)');
    await stage('simulating an ecosystem', async () => {
      const eco = simulateEcosystem({ seed: 1, orgs: 8, bases: args.simBases });
      const result = await writeEcosystem(db, eco);
      log(
        `${result.organisations} organisations, ${eco.bases.length} base models, ${result.edges} lineage edges`,
      );
    });
  }
}

async function fitData(db: Database): Promise<void> {
  const progress = createStageProgress('  fit:');
  await stage('fitting series whose data changed', async () => {
    const result = await fitAllSeries(db.prisma, {
      onProgress: (done, total) => progress.update('series', done, total),
    });
    progress.stop();
    const summary = Object.entries(result.byStatus)
      .map(
        ([method, counts]) =>
          `${method}: ${Object.entries(counts)
            .map(([s, n]) => `${s} ${n}`)
            .join(', ')}`,
      )
      .join('; ');
    log(`${result.fitted} fits computed, ${result.unchanged} up to date${summary ? ` (${summary})` : ''}`);
  });
}

const SOURCE_PATHS = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.ts',
  'instrumentation.ts',
  'package.json',
  'tsconfig.json',
];

function newestSourceMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestSourceMtime(path.join(target, entry)));
  return newest;
}

/** Why the app must be (re)built, or null when .next/BUILD_ID is newer than every source file. */
function buildReason(): string | null {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  const built = statSync(buildId).mtimeMs;
  const newest = Math.max(...SOURCE_PATHS.map((p) => newestSourceMtime(path.join(ROOT, p))));
  return newest > built ? 'sources changed since the last build' : null;
}

function nextBin(): string {
  const local = path.join(ROOT, 'node_modules', '.bin', 'next');
  return existsSync(local) ? local : 'next';
}

function run(args: string[], forward: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(nextBin(), args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const relay = (signal: NodeJS.Signals) => child.kill(signal);
    if (forward) for (const s of signals) process.on(s, relay);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, relay);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function main(): Promise<number> {
  const args = readArgs();
  // A local folder is checked before anything else, so a typo fails at once.
  if (args.from && !/^https?:\/\//i.test(args.from)) args.from = await resolvePaperSource(args.from);
  const options = optionsFromEnv();
  const db = await stage(
    `opening the ${options.url ? 'PostgreSQL' : 'embedded'} database and applying migrations`,
    () => openDatabase(options),
  );
  log(`database: ${db.location}`);
  try {
    await loadData(db, args);
    await fitData(db);
  } finally {
    // The embedded database is single-process: release it before the server opens it.
    await db.close();
  }
  if (args.build) {
    const reason = buildReason();
    if (reason) {
      const code = await stage(`building the dashboard (${reason})`, () => run(['build'], true));
      if (code !== 0) {
        log(`next build failed with exit code ${code}`);
        return code;
      }
    } else log('build is up to date');
  }
  if (!args.serve) {
    log('prepared (--no-serve): not starting the server');
    return 0;
  }
  const port = process.env.PORT ?? '3000';
  log(`serving the dashboard on http://localhost:${port} (Ctrl-C to stop)`);
  return run(['start', '-p', port], true);
}

try {
  process.exitCode = await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
