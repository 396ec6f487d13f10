// npm run forecast -- [--horizon N] [--asof K] – JSON lines {"id","y"} on stdin → one forecast JSON line each
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseForecastFlags, processForecastLine } from '../lib/growth/cli';

const USAGE = 'usage: npm run forecast -- [--horizon N] [--asof K] < series.jsonl';

function main(): void {
  let raw: { horizon?: string; asof?: string };
  try {
    const { values } = parseArgs({
      options: { horizon: { type: 'string' }, asof: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    raw = { horizon: values.horizon, asof: values.asof };
  } catch (e) {
    process.stderr.write(`forecast: ${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const parsed = parseForecastFlags(raw);
  if (!parsed.ok) {
    process.stderr.write(`forecast: ${parsed.message}\n${USAGE}\n`);
    process.exit(2);
  }
  // A closed pipe (e.g. `| head`) is a normal way to stop reading, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let lineNo = 0;
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  rl.on('line', (line) => {
    lineNo++;
    const out = processForecastLine(line, lineNo, parsed.flags);
    if (out) process.stdout.write(`${JSON.stringify(out)}\n`);
  });
}

main();
