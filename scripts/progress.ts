// Terminal progress for the CLI tools: a bar per stage on a TTY, one line per stage otherwise (CI logs).
import cliProgress from 'cli-progress';

export interface StageProgress {
  /** Reports progress of a stage; a new stage name closes the previous one. */
  update(stage: string, done: number, total: number): void;
  /** Closes the current stage. */
  stop(): void;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function createStageProgress(
  prefix: string,
  stream: NodeJS.WriteStream = process.stdout,
): StageProgress {
  const tty = Boolean(stream.isTTY);
  let current: string | null = null;
  let started = 0;
  let bar: cliProgress.SingleBar | null = null;
  let lastTotal = 0;

  const finish = () => {
    if (current === null) return;
    if (bar) {
      bar.update(lastTotal);
      bar.stop();
      bar = null;
    }
    stream.write(`${prefix} ${current} done in ${seconds(Date.now() - started)}\n`);
    current = null;
  };

  return {
    update(stage, done, total) {
      if (stage !== current) {
        finish();
        current = stage;
        started = Date.now();
        if (!tty) stream.write(`${prefix} ${stage}…${total > 1 ? ` (${total})` : ''}\n`);
        else if (total > 1) {
          bar = new cliProgress.SingleBar(
            {
              format: `${prefix} ${stage} [{bar}] {value}/{total} {percentage}% {duration_formatted}`,
              stream,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        }
      }
      lastTotal = total;
      bar?.setTotal(total);
      bar?.update(done);
    },
    stop: finish,
  };
}

/** Prints a stage line with its duration around an async step. */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`▸ ${label}…\n`);
  const result = await step();
  process.stdout.write(`  ${label}: ${seconds(Date.now() - started)}\n`);
  return result;
}
