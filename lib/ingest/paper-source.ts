// Where the paper's CSV files come from: a local folder, or the authors' GitHub repository (cached once).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The snapshot the paper (arXiv 2502.15987) published. */
export const PAPER_SNAPSHOT = '2025-02-18';

/** Companies with a finetune file; the download folder has these plus Other. */
export const PAPER_COMPANIES = [
  'AMAZON',
  'Allen_AI',
  'Apple',
  'BAAI',
  'CohereAI',
  'DeepSeek',
  'Google',
  'HuggingFace',
  'IBM',
  'Meta',
  'Microsoft',
  'MistralAI',
  'Nvidia',
  'OpenAI',
  'Qwen',
  'Salesforce',
  'StabilityAI',
] as const;

export const PAPER_DOWNLOAD_GROUPS = [...PAPER_COMPANIES, 'Other'] as const;

// Pinned to the commit the shared copy was taken from, so a later push cannot change what "the paper's data" means.
export const PAPER_REPO_BASE_URL =
  'https://raw.githubusercontent.com/KBhandari11/ForecastHuggingFaceModels/b273a980cc7412f7f1249016006984b6db540299/data/2025-02-18/';

export const DEFAULT_PAPER_CACHE_DIR = path.resolve(process.cwd(), '.data/paper-cache');

/** The files of one snapshot, relative to the dated folder. */
export function paperFileList(): string[] {
  return [
    ...PAPER_COMPANIES.map((c) => `finetune/${c}.csv`),
    ...PAPER_DOWNLOAD_GROUPS.map((c) => `download/${c}.csv`),
  ];
}

export class PaperSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperSourceError';
  }
}

/**
 * The dated folder (holding finetune/ and download/) for a local path: the folder itself, or a
 * parent that holds `2025-02-18/` (like ../shared/data/paper). Null when neither.
 */
export function findDatedFolder(dir: string): string | null {
  const candidates = [dir, path.join(dir, PAPER_SNAPSHOT)];
  for (const candidate of candidates) {
    if (
      existsSync(path.join(candidate, 'finetune')) &&
      statSync(path.join(candidate, 'finetune')).isDirectory()
    ) {
      return candidate;
    }
  }
  return null;
}

export interface DownloadOptions {
  /** Base URL of the dated folder, ending in "/". */
  baseUrl?: string;
  cacheDir?: string;
  /** Per-request timeout (default 5 s: fail fast when there is no internet). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  onFile?: (file: string, done: number, total: number) => void;
}

function cacheFolderFor(cacheDir: string, baseUrl: string): string {
  // The pinned repository keeps the short name; any other URL gets a folder of its own.
  if (baseUrl === PAPER_REPO_BASE_URL) return path.join(cacheDir, PAPER_SNAPSHOT);
  const key = baseUrl.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(cacheDir, key);
}

function isCompleteFolder(dir: string): boolean {
  return paperFileList().every((file) => existsSync(path.join(dir, file)));
}

/**
 * Downloads the snapshot's CSV files once into the cache and returns the cached dated folder.
 * Files go to a temporary folder renamed into place at the end, so an interrupted download is never
 * mistaken for a complete one.
 */
export async function downloadPaperData(options: DownloadOptions = {}): Promise<string> {
  const baseUrl = options.baseUrl ?? PAPER_REPO_BASE_URL;
  const cacheDir = options.cacheDir ?? DEFAULT_PAPER_CACHE_DIR;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fetchImpl = options.fetchImpl ?? fetch;
  const target = cacheFolderFor(cacheDir, baseUrl);
  if (isCompleteFolder(target)) return target;

  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const files = paperFileList();
  try {
    for (const [i, file] of files.entries()) {
      const url = new URL(file, baseUrl).toString();
      let response: Response;
      try {
        response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const reason = error instanceof Error ? describeFetchError(error) : String(error);
        throw new PaperSourceError(
          `Could not download the paper's data from ${url}: ${reason}. ` +
            'Without internet, pass a local copy: `npm run import -- paper /path/to/paper-data` ' +
            '(the folder that holds 2025-02-18/, or the dated folder itself).',
        );
      }
      if (!response.ok) {
        throw new PaperSourceError(
          `Could not download ${url}: HTTP ${response.status} ${response.statusText}`,
        );
      }
      const text = await response.text();
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), text);
      options.onFile?.(file, i + 1, files.length);
    }
    rmSync(target, { recursive: true, force: true });
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(staging, target);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function describeFetchError(error: Error): string {
  if (error.name === 'TimeoutError') return 'no answer within the timeout';
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.message ?? cause?.code ?? error.message;
}

/**
 * Resolves a source argument to a local dated folder: a local directory is used as is; a URL (or
 * nothing: the authors' repository) is downloaded into the cache first.
 */
export async function resolvePaperSource(
  source: string | undefined,
  options: DownloadOptions = {},
): Promise<string> {
  if (source && !/^https?:\/\//i.test(source)) {
    const dir = path.resolve(source);
    if (!existsSync(dir)) throw new PaperSourceError(`${dir} does not exist`);
    const dated = findDatedFolder(dir);
    if (!dated) {
      const listing = readdirSync(dir).slice(0, 8).join(', ');
      throw new PaperSourceError(
        `${dir} holds neither finetune/ nor ${PAPER_SNAPSHOT}/finetune/ (it has: ${listing || 'nothing'})`,
      );
    }
    return dated;
  }
  const baseUrl = source ? (source.endsWith('/') ? source : `${source}/`) : undefined;
  return downloadPaperData({ ...options, baseUrl: baseUrl ?? options.baseUrl });
}
