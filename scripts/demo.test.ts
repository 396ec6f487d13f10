import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mg-demo-'));

function demo(db: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MG_DATA_DIR: path.join(dataDir, db) };
  delete env.DATABASE_URL;
  delete env.PAPER_DATA;
  const started = Date.now();
  const result = spawnSync(TSX, ['scripts/demo.ts', '--no-serve', '--no-build', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ...result, ms: Date.now() - started };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run demo --no-serve', () => {
  test('falls back to a simulated ecosystem when the paper cannot be downloaded, then starts without loading', async () => {
    // A port nobody listens on refuses the connection: the download fails at once, as it does offline.
    const first = demo('sim', '--from', `http://127.0.0.1:${await closedPort()}/data/`, '--sim-bases', '6');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/the paper's data could not be reached: .*ECONNREFUSED/);
    expect(first.stdout).toContain('loading a SIMULATED ecosystem instead');
    expect(first.stdout).toMatch(/\d+ fits computed, 0 up to date/);

    const second = demo('sim');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('data already loaded');
    expect(second.stdout).toMatch(/0 fits computed, \d+ up to date/);
  });

  test('a local folder that does not exist is an error, not a silent simulation', () => {
    const run = demo('empty', '--from', path.join(dataDir, 'missing'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/failed: .*missing does not exist/);
    expect(run.stdout).not.toContain('SIMULATED');
  });
});
