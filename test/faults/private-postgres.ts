// A throwaway PostgreSQL cluster of a test's own (initdb + pg_ctl on a free port), so a test may restart
// or stop "the database" without touching the shared server on 127.0.0.1:5432.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivateCluster {
  port: number;
  url(database?: string): string;
  restart(): void;
  stop(): void;
}

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

function postgresUid(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Why a private cluster cannot be made here, or null when it can. */
export function privateClusterUnavailable(): string | null {
  if (!existsSync(path.join(BIN, 'initdb')) || !existsSync(path.join(BIN, 'pg_ctl')))
    return `no initdb/pg_ctl in ${BIN} (set PG_BIN)`;
  if (process.getuid?.() !== 0 && !postgresUid()) return 'no postgres user';
  if (process.getuid?.() === 0 && !postgresUid())
    return 'running as root without a postgres user to run initdb';
  return null;
}

/** initdb (trust auth) in a temp dir, pg_ctl start on a free port; `stop()` removes everything. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const root = mkdtempSync(path.join(tmpdir(), 'mg-pg-'));
  const data = path.join(root, 'data');
  const owner = postgresUid();
  const asRoot = process.getuid?.() === 0;
  if (asRoot && owner) {
    chownSync(root, owner.uid, owner.gid);
    chmodSync(root, 0o700);
  }
  // As root, postgres refuses to run: everything goes through runuser -u postgres.
  const run = (bin: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(BIN, bin),
      asRoot ? ['-u', 'postgres', '--', path.join(BIN, bin), ...args] : args,
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
  const port = await freePort();
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = path.join(root, 'server.log');
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
  let stopped = false;
  return {
    port,
    url: (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    // -l: a server that logs to pg_ctl's stdout would keep the pipe, and this call, open.
    restart: () =>
      run('pg_ctl', ['restart', '-w', '-t', '60', '-m', 'fast', '-D', data, '-l', log, '-o', options]),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['stop', '-w', '-t', '60', '-m', 'immediate', '-D', data]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
