// `npm run simulate -- --seed N --orgs N --bases N [--months N] [--until YYYY-MM]`: replaces the
// simulated ecosystem in the database (real data are left alone) and derives its series.
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '@/lib/db.ts';
import { simulateEcosystem } from '@/lib/simulate/ecosystem.ts';
import { writeEcosystem } from '@/lib/simulate/write-ecosystem.ts';

function integer(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return value;
}

async function main(): Promise<number> {
  let options: Parameters<typeof simulateEcosystem>[0];
  try {
    const { values } = parseArgs({
      options: {
        seed: { type: 'string' },
        orgs: { type: 'string' },
        bases: { type: 'string' },
        months: { type: 'string' },
        until: { type: 'string' },
      },
    });
    options = {
      seed: integer('seed', values.seed, 1),
      orgs: integer('orgs', values.orgs, 8),
      bases: integer('bases', values.bases, 60),
      months: integer('months', values.months, 36),
      until: values.until,
    };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error('usage: npm run simulate -- --seed N --orgs N --bases N [--months N] [--until YYYY-MM]');
    return 2;
  }
  const db = await getDatabase();
  const job = await db.prisma.job.create({
    data: { kind: 'simulate', status: 'running', params: { ...options } },
  });
  try {
    const started = Date.now();
    const eco = simulateEcosystem(options);
    const result = await writeEcosystem(db, eco);
    const counts = { ...result, series: result.series.monthly, downloadSeries: result.series.downloads };
    await db.prisma.job.update({
      where: { id: job.id },
      data: {
        status: 'succeeded',
        done: eco.bases.length,
        total: eco.bases.length,
        counts,
        finishedAt: new Date(),
      },
    });
    console.log(
      `Simulated ${result.organisations} organisations, ${eco.bases.length} base models, ${result.models - eco.bases.length} derivatives ` +
        `(${result.edges} edges), ${result.snapshots} download snapshots up to ${eco.now.toISOString().slice(0, 10)} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; series: ${result.series.monthly.inserted} new / ${result.series.monthly.updated} changed monthly, ` +
        `${result.series.downloads.inserted} new / ${result.series.downloads.updated} changed download. Run \`npm run fit\` next.`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.prisma.job.update({
      where: { id: job.id },
      data: { status: 'failed', error: message, finishedAt: new Date() },
    });
    console.error(`simulate failed: ${message}`);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
