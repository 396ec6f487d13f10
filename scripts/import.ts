// `npm run import -- <source> [args]`: loads outside data into the database. One entry per source.
import { closeDatabase, type Database, getDatabase } from '@/lib/db.ts';
import { runHubDumpImport } from '@/lib/ingest/hub-dump.ts';
import { runPaperImport } from '@/lib/ingest/paper.ts';
import { createStageProgress } from './progress.ts';

type Command = (db: Database, args: string[]) => Promise<void>;

async function importPaper(db: Database, args: string[]): Promise<void> {
  const source = args.find((a) => !a.startsWith('--'));
  const progress = createStageProgress('import paper:');
  try {
    const result = await runPaperImport(db, {
      source,
      onStage: (stage, done, total) => progress.update(stage, done, total),
    });
    progress.stop();
    const { series, models, fits } = result.counts;
    console.log(
      `Imported the paper's data from ${result.dir} in ${(result.ms / 1000).toFixed(1)} s (job ${result.jobId}): ` +
        `${result.monthlySeries} monthly and ${result.downloadSeries} download series; ` +
        `models ${models.created} new / ${models.unchanged} unchanged; ` +
        `series ${series.created} new / ${series.updated} updated / ${series.unchanged} unchanged / ${series.kept} kept (other source); ` +
        `published fits ${fits.created} new / ${fits.updated} updated / ${fits.unchanged} unchanged.`,
    );
  } finally {
    progress.stop();
  }
}

// The Hub dump importer (the crawler's module): a models.parquet path or URL.
async function importHubDump(db: Database, args: string[]): Promise<void> {
  const source = args.find((a) => !a.startsWith('--'));
  if (!source) throw new Error('usage: npm run import -- hub-dump <models.parquet path or URL>');
  const progress = createStageProgress('import hub-dump:');
  try {
    const result = await runHubDumpImport(db, source, {
      onProgress: (p) => progress.update(p.phase, p.rows, p.totalRows),
    });
    progress.stop();
    console.log(
      `Imported ${result.rows} rows (${result.models} models, ${result.edges} edges, ${result.skipped} skipped) ` +
        `in ${(result.ms.total / 1000).toFixed(1)} s (job ${result.jobId}); series: ` +
        `${result.series.monthly.inserted} new / ${result.series.monthly.updated} changed monthly.`,
    );
  } finally {
    progress.stop();
  }
}

const COMMANDS: Record<string, Command> = { paper: importPaper, 'hub-dump': importHubDump };

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: npm run import -- <${Object.keys(COMMANDS).join('|')}> [source]`);
    console.error(
      "  paper [dir-or-url]   the paper's data (default: the authors' GitHub repository, cached in .data/paper-cache)",
    );
    console.error('  hub-dump <file|url>  a Hub models.parquet dump (see lib/ingest/hub-dump.ts)');
    return 2;
  }
  if (name === 'hub-dump' && !args.some((a) => !a.startsWith('--'))) {
    console.error('usage: npm run import -- hub-dump <models.parquet path or URL>');
    return 2;
  }
  const db = await getDatabase();
  try {
    await command(db, args);
    return 0;
  } catch (error) {
    console.error(`import ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
