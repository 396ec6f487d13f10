import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  downloadPaperData,
  findDatedFolder,
  paperFileList,
  resolvePaperSource,
} from '@/lib/ingest/paper-source.ts';

let root: string;
let fixture: string;
let server: http.Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mg-paper-src-'));
  fixture = path.join(root, 'served');
  // A tiny stand-in for the repository: every expected file, one line each.
  for (const file of paperFileList()) {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), `model\n${file}\n`);
  }
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = path.join(
      fixture,
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/data\//, ''),
    );
    if (!file.startsWith(fixture) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('downloadPaperData', () => {
  test('downloads every file once into the cache, then serves the cache', async () => {
    const cacheDir = path.join(root, 'cache');
    const dir = await downloadPaperData({ baseUrl, cacheDir });
    expect(requests).toHaveLength(paperFileList().length);
    expect(readFileSync(path.join(dir, 'finetune/Meta.csv'), 'utf8')).toBe('model\nfinetune/Meta.csv\n');
    expect(readFileSync(path.join(dir, 'download/Other.csv'), 'utf8')).toContain('download/Other.csv');
    const again = await resolvePaperSource(baseUrl, { cacheDir });
    expect(again).toBe(dir);
    expect(requests).toHaveLength(paperFileList().length);
  });

  test('a missing file fails with its URL and leaves no partial cache', async () => {
    const cacheDir = path.join(root, 'cache-404');
    rmSync(path.join(fixture, 'finetune/Qwen.csv'));
    try {
      await expect(downloadPaperData({ baseUrl, cacheDir })).rejects.toThrow(/finetune\/Qwen\.csv: HTTP 404/);
      expect(findDatedFolder(cacheDir)).toBeNull();
    } finally {
      writeFileSync(path.join(fixture, 'finetune/Qwen.csv'), 'model\nfinetune/Qwen.csv\n');
    }
  });

  test('an unreachable host fails fast with a clear message', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/data/`;
    const started = Date.now();
    try {
      await expect(
        downloadPaperData({ baseUrl: url, cacheDir: path.join(root, 'cache-slow'), timeoutMs: 300 }),
      ).rejects.toThrow(
        /Could not download the paper's data from .*finetune\/AMAZON\.csv: no answer within the timeout\. Without internet, pass a local copy/,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('resolvePaperSource', () => {
  test('accepts the folder holding 2025-02-18/ or the dated folder itself', async () => {
    const parent = path.join(root, 'local');
    mkdirSync(path.join(parent, '2025-02-18', 'finetune'), { recursive: true });
    expect(await resolvePaperSource(parent)).toBe(path.join(parent, '2025-02-18'));
    expect(await resolvePaperSource(path.join(parent, '2025-02-18'))).toBe(path.join(parent, '2025-02-18'));
    await expect(resolvePaperSource(path.join(root, 'nope'))).rejects.toThrow('does not exist');
    await expect(resolvePaperSource(root)).rejects.toThrow(
      'holds neither finetune/ nor 2025-02-18/finetune/',
    );
  });
});
