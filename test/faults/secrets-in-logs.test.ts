// No secrets in logs: `npm run crawl` with HF_TOKEN, accepted or refused by the (mock) Hub, never prints
// the token nor stores it in the job row; the health route's redaction of DATABASE_URL passwords is
// tested in app/api/health/route.test.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '@/lib/db.ts';
import { generateMockModels, type MockHub, startMockHub } from '@/test/mock-hub/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECRET = 'hf_SeCrEt0123456789abcdefTOKEN';
const dirs: string[] = [];
const hubs: MockHub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test.each([
  ['accepted', [SECRET], 0],
  ['refused', ['hf_some_other_token'], 1],
])(
  'HF_TOKEN %s by the Hub: neither the output nor the job row shows it',
  async (_name, tokens, exitCode) => {
    const hub = await startMockHub({ models: generateMockModels(), tokens });
    hubs.push(hub);
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-secrets-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'pglite');
    const { code, output } = await run(['scripts/crawl.ts', '--base', 'orbit/orbit-1b'], {
      HF_ENDPOINT: hub.url,
      HF_TOKEN: SECRET,
      MG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(code, output).toBe(exitCode);
    expect(output).toMatch(exitCode === 0 ? /with a token/ : /token refused|Invalid credentials/);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(SECRET.slice(3, 15));
    // The token did reach the Hub (so the test exercised it).
    expect(hub.state.requests.some((r) => r.token === SECRET)).toBe(true);
    const db = await openDatabase({ dataDir });
    try {
      const jobs = await db.sql.query<{ row: string }>('SELECT row_to_json(j)::text AS row FROM "Job" j');
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) expect(job.row).not.toContain(SECRET);
    } finally {
      await db.close();
    }
  },
  120_000,
);
