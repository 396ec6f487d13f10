// `npm run fit`: fits every series whose data changed since its last fit, and prints counts by status.
import { closeDatabase, getDatabase } from '@/lib/db.ts';
import { fitAllSeries } from '@/lib/fitting/index.ts';
import { createStageProgress } from './progress.ts';

async function main(): Promise<number> {
  const force = process.argv.includes('--force');
  const withPaperBaseline = process.argv.includes('--with-paper');
  const db = await getDatabase();
  const progress = createStageProgress('fit:');
  try {
    const result = await fitAllSeries(db.prisma, {
      force,
      withPaperBaseline,
      onProgress: (done, total) => progress.update('series', done, total),
    });
    progress.stop();
    console.log(
      `Fitted ${result.fitted} (series × method) in ${(result.ms / 1000).toFixed(1)} s with ${result.workers || 'no'} worker threads (job ${result.jobId}); ` +
        `${result.unchanged} already up to date; ${result.series} series in all.`,
    );
    for (const [method, statuses] of Object.entries(result.byStatus)) {
      const parts = Object.entries(statuses).map(([status, n]) => `${status} ${n}`);
      console.log(`  ${method}: ${parts.join(', ')}`);
    }
    const p = result.prior;
    console.log(
      `  prior: ${p.reused ? 'unchanged' : p.fallback ? 'default (too few series to estimate)' : `estimated from ${p.series} series`}`,
    );
    return 0;
  } catch (error) {
    progress.stop();
    console.error(`fit failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
