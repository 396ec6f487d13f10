// `npm run crawl -- --base <repo_id>… | --author <org>… | --top N [--relations a,b] [--depth D] [--resume]`
// Crawls the Hub's model tree (HF_ENDPOINT, HF_TOKEN) into the database, then derives and refits series.
import cliProgress from 'cli-progress';
import { type CrawlProgress, runCrawl } from '@/lib/crawl/crawl.ts';
import { parseCrawlArgs, UsageError } from '@/lib/crawl/params.ts';
import { closeDatabase, getDatabase } from '@/lib/db.ts';
import { HubClient, hubOptionsFromEnv } from '@/lib/hub/client.ts';

const USAGE = `usage: npm run crawl -- [--base <repo_id>…] [--author <org>…] [--top N]
                        [--relations finetune,adapter,quantized,merge] [--depth D] [--page-size P] [--resume]
  env: HF_ENDPOINT (default https://huggingface.co), HF_TOKEN (optional; raises the rate limit)`;

function progressReporter(): { update(p: CrawlProgress): void; stop(): void } {
  const started = Date.now();
  const budget = (p: CrawlProgress) =>
    p.budget.remaining === null ? '?' : `${p.budget.remaining}/${p.budget.quota ?? '?'}`;
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format:
          'crawl [{bar}] {value}/{total} targets | {models} models | {requests} requests | budget {budget} | ETA {eta_formatted} | {current}',
        etaBuffer: 20,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedBar = false;
    return {
      update(p) {
        const payload = {
          models: p.counts.models,
          requests: p.counts.requests,
          budget: budget(p),
          current: p.current ?? p.phase,
        };
        if (!startedBar) {
          bar.start(Math.max(1, p.total), p.done, payload);
          startedBar = true;
        }
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.done, payload);
      },
      stop: () => startedBar && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      const elapsed = (Date.now() - started) / 1000;
      const eta = p.done > 0 ? Math.round((elapsed / p.done) * (p.total - p.done)) : null;
      console.log(
        `crawl ${p.phase}: ${p.done}/${p.total} targets, ${p.counts.models} models, ${p.counts.requests} requests, ` +
          `budget ${budget(p)}, ETA ${eta === null ? '?' : `${eta} s`}`,
      );
    },
    stop: () => {},
  };
}

async function main(): Promise<number> {
  let command: ReturnType<typeof parseCrawlArgs>;
  try {
    command = parseCrawlArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('interrupted')));
  process.once('SIGTERM', () => controller.abort(new Error('terminated')));
  const hub = hubOptionsFromEnv();
  const client = new HubClient({ ...hub, signal: controller.signal });
  const db = await getDatabase();
  const progress = progressReporter();
  const started = Date.now();
  try {
    console.log(`Crawling ${hub.endpoint} ${hub.token ? 'with a token' : 'anonymously'} into ${db.location}`);
    const result = await runCrawl(db, command.params, {
      client,
      resume: command.resume,
      signal: controller.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    const c = result.counts;
    console.log(
      `${result.resumed ? 'Resumed and finished' : 'Finished'} crawl job ${result.jobId} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${result.expanded.length} targets, ${c.models} model records, ${c.edges} edges, ${c.stubs} new parent stubs, ` +
        `${c.aliases} renames, ${c.series} series; ${c.requests} requests (${c.retries} retries, ${c.rateLimited} rate-limited); ` +
        `${c.skipped} skipped, ${c.notFound} not found.`,
    );
    for (const error of c.errors.slice(0, 10))
      console.warn(`  skipped ${error.target ?? error.url ?? ''}: ${error.reason}`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`crawl stopped: ${message}`);
    console.error(
      'The job keeps its checkpoint: run the same command again (or `npm run crawl -- --resume`) to continue.',
    );
    return controller.signal.aborted ? 130 : 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
