// What a crawl is asked to do, from the command line or a resumed job's stored params.
import { type HubRelation, isRelation, RELATIONS } from '@/lib/hub/schemas.ts';

export interface CrawlParams {
  /** Repo ids crawled as given. */
  bases: string[];
  /** Organisations whose non-derivative models are crawled. */
  authors: string[];
  /** The N most-downloaded non-derivative models of the Hub, or null. */
  top: number | null;
  relations: HubRelation[];
  /** 1 = children of the targets; 2 = also their children; … */
  depth: number;
  /** Page size of list requests (the Hub serves at most 1000). */
  pageSize: number;
}

export interface CrawlCommand {
  params: CrawlParams;
  /** Resume the last unfinished crawl job, whatever its params. */
  resume: boolean;
}

export const DEFAULT_PAGE_SIZE = 1000;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const REPO_ID = /^[\w.-]+(\/[\w.-]+)?$/;

function positiveInt(flag: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${flag} needs a whole number from 1 to ${max}`);
  return n;
}

/** Parses `--base a b --author org --top N --relations finetune,adapter --depth D --page-size P --resume`. */
export function parseCrawlArgs(argv: string[]): CrawlCommand {
  const params: CrawlParams = {
    bases: [],
    authors: [],
    top: null,
    relations: [...RELATIONS],
    depth: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
  let resume = false;
  let list: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (!list) throw new UsageError(`unexpected argument "${arg}"`);
      list.push(arg);
      continue;
    }
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    list = null;
    switch (flag) {
      case '--base':
        list = params.bases;
        if (inline) list.push(inline);
        break;
      case '--author':
        list = params.authors;
        if (inline) list.push(inline);
        break;
      case '--top':
        params.top = positiveInt('--top', value(), 1_000_000);
        break;
      case '--depth':
        params.depth = positiveInt('--depth', value(), 10);
        break;
      case '--page-size':
        params.pageSize = positiveInt('--page-size', value(), 1000);
        break;
      case '--relations': {
        const names = (value() ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = names.filter((name) => !isRelation(name));
        if (names.length === 0 || bad.length > 0) {
          throw new UsageError(
            `--relations takes a comma list of ${RELATIONS.join(', ')}${bad.length ? ` (not: ${bad.join(', ')})` : ''}`,
          );
        }
        params.relations = RELATIONS.filter((r) => names.includes(r));
        break;
      }
      case '--resume':
        resume = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  const badId = [...params.bases, ...params.authors].find((id) => !REPO_ID.test(id));
  if (badId) throw new UsageError(`"${badId}" is not a Hub id`);
  params.bases = [...new Set(params.bases)];
  params.authors = [...new Set(params.authors)];
  if (!resume && params.bases.length === 0 && params.authors.length === 0 && params.top === null) {
    throw new UsageError('nothing to crawl: give --base <repo_id>…, --author <org>…, --top N or --resume');
  }
  return { params, resume };
}

/** A stable key for "the same crawl" (used to resume an unfinished job automatically). */
export function paramsKey(params: CrawlParams): string {
  const { bases, authors, top, relations, depth, pageSize } = params;
  return JSON.stringify({ bases, authors, top, relations, depth, pageSize });
}
