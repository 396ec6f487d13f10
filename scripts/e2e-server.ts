// Serves the production build for Playwright on a database of its own, loaded with the paper's data
// (PAPER_DATA, else ../shared/data/paper; a simulated ecosystem when neither exists) through the same
// `npm run demo` path users take. --db embedded (default, a temp data dir) or --db postgres (a scratch
// database on TEST_DATABASE_URL's server, dropped on exit). --port N (default 3100).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createScratchDatabase } from '@/test/helpers/db.ts';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'embedded' }, port: { type: 'string', default: '3100' } },
});
if (values.db !== 'embedded' && values.db !== 'postgres') {
  console.error(`--db must be embedded or postgres, not ${values.db}`);
  process.exit(2);
}

const paper = process.env.PAPER_DATA ?? path.resolve('../shared/data/paper');
const env: NodeJS.ProcessEnv = { ...process.env, PORT: values.port, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

if (values.db === 'postgres') {
  const scratch = await createScratchDatabase();
  env.DATABASE_URL = scratch.url;
  cleanups.push(scratch.drop);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-e2e-'));
  env.MG_DATA_DIR = path.join(dir, 'pglite');
  cleanups.push(async () => {
    // The Next server (a grandchild) holds the embedded database until it exits and drops its lock.
    const lock = `${env.MG_DATA_DIR}.lock`;
    for (let waited = 0; existsSync(lock) && waited < 15_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    rmSync(dir, { recursive: true, force: true });
  });
}

const args = ['scripts/demo.ts', '--no-build', ...(existsSync(paper) ? ['--from', paper] : [])];
const child = spawn(path.resolve('node_modules/.bin/tsx'), args, { stdio: 'inherit', env });

// One shutdown, whoever asks first (a signal, or the server exiting on its own); the others wait for it.
let stopping: Promise<never> | null = null;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    // The server writes to its data until it has exited: clean up only after that (or after 15 s).
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 1));
