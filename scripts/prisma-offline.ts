// Runs the Prisma CLI (generate, validate, format) without Prisma's native schema engine, which
// cannot be downloaded offline. Those commands never really call it: the CLI only asks it for its
// version, so a stub that answers `--version` is enough. Where the real engine exists, set
// PRISMA_SCHEMA_ENGINE_BINARY yourself and this script leaves it alone.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const enginesPkg = require('@prisma/engines-version/package.json') as {
  prisma: { enginesVersion: string };
};

function ensureStub(): string {
  const dir = path.resolve('node_modules/.cache/prisma-offline');
  const stub = path.join(dir, 'schema-engine');
  const script = `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "schema-engine-cli ${enginesPkg.prisma.enginesVersion}"; exit 0; fi\necho "schema-engine stub: the native engine is not installed (offline)" >&2\nexit 1\n`;
  mkdirSync(dir, { recursive: true });
  let current = '';
  try {
    current = readFileSync(stub, 'utf8');
  } catch {}
  if (current !== script) writeFileSync(stub, script);
  chmodSync(stub, 0o755);
  return stub;
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = ensureStub();
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync(
  process.execPath,
  [require.resolve('prisma/build/index.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(result.status ?? 1);
