import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DatabaseLockedError, openDatabase } from '@/lib/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(tmpdir(), 'mg-lock-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function openInChild(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'test/foundation/open-embedded.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('a second process gets a clear error while the embedded database is open, and the data stay intact', async () => {
  const dataDir = path.join(temp, 'shared');
  const db = await openDatabase({ dataDir });
  await db.prisma.organisation.create({ data: { slug: 'google', name: 'Google' } });

  const child = openInChild(dataDir);
  expect(child.status).toBe(3);
  expect(child.stderr).toContain(`is in use by process ${process.pid}`);
  expect(child.stderr).toContain('DATABASE_URL');

  // The holder still works, and after it closes another process may open the same data.
  expect(await db.prisma.organisation.count()).toBe(1);
  await db.close();
  const after = openInChild(dataDir);
  expect(after.stderr).toBe('');
  expect(after.stdout.trim()).toBe('organisations=1');
});

test('the lock error is a typed error in-process too', async () => {
  const dataDir = path.join(temp, 'typed');
  const db = await openDatabase({ dataDir });
  // Same pid holds it: simulate another holder by writing a live foreign pid (our parent).
  const { writeFileSync } = await import('node:fs');
  await db.close();
  writeFileSync(`${dataDir}.lock`, String(process.ppid));
  await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
});
