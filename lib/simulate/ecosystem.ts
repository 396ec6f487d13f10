// A simulated Hugging Face ecosystem: organisations, base models, and derivatives arriving as the
// reinforced Poisson process behind the WSB curve. Pure and seeded: the same options give the same data.
import { Phi, PhiInv } from '@/lib/growth/index.ts';
import { createRng, type Rng } from '@/lib/simulate/prng.ts';

export type RelationKind = 'finetune' | 'adapter' | 'quantized' | 'merge';

/**
 * Shares of direct derivatives by relation, close to what the Hub's model tree shows for popular
 * text-generation bases (fine-tunes most common, then GGUF/AWQ quantizations, LoRA adapters, a few merges).
 */
export const RELATION_SHARES: Readonly<Record<RelationKind, number>> = {
  finetune: 0.45,
  quantized: 0.3,
  adapter: 0.2,
  merge: 0.05,
};

/** Average month length in days (365.2425 / 12): the process runs in months, dates are instants. */
const MONTH_MS = 30.436875 * 86_400_000;
const DAY_MS = 86_400_000;

export interface SimulateOptions {
  seed: number;
  orgs: number;
  bases: number;
  /** Length of the release window in months (default 36): bases are released in it, more of them recently. */
  months?: number;
  /** "YYYY-MM": the simulated present is the 15th of that month, 00:00 UTC. Default: today, 00:00 UTC. */
  until?: string;
  /** Initial attractiveness m of the process (default 30, the WSB value and the engine's M_MONTH). */
  m?: number;
  /** Safety cap on direct derivatives per base (default 2,000), so a rare huge λ cannot swamp the run. */
  maxDerivativesPerBase?: number;
  /** Days of download snapshots kept for each base model, ending today (default 60). */
  downloadDays?: number;
}

export interface SimulatedOrganisation {
  slug: string;
  name: string;
  authors: string[];
}

export interface SimulatedModel {
  repoId: string;
  author: string;
  createdAt: Date;
  isBase: boolean;
  pipelineTag: string;
  libraryName: string;
  tags: string[];
  downloads30d: number;
  downloadsAllTime: number;
  likes: number;
}

export interface SimulatedEdge {
  child: string;
  parent: string;
  relation: RelationKind;
  childCreatedAt: Date;
}

export interface SimulatedSnapshot {
  repoId: string;
  /** 00:00 UTC of the day. */
  day: Date;
  downloads30d: number;
  downloadsAllTime: number;
  likes: number;
}

/** The true parameters a base's derivatives were drawn with (months, m as in the options). */
export interface SimulatedBase {
  repoId: string;
  org: string;
  lambda: number;
  mu: number;
  sigma: number;
  m: number;
  /** Direct derivatives generated (after the cap). */
  derivatives: number;
  capped: boolean;
}

export interface SimulatedEcosystem {
  options: Required<Omit<SimulateOptions, 'until'>> & { until: string };
  /** The simulated present: nothing is created after it. */
  now: Date;
  organisations: SimulatedOrganisation[];
  models: SimulatedModel[];
  edges: SimulatedEdge[];
  snapshots: SimulatedSnapshot[];
  bases: SimulatedBase[];
}

const SUFFIX: Record<RelationKind, string> = {
  finetune: 'ft',
  adapter: 'lora',
  quantized: 'GGUF',
  merge: 'merge',
};
const LIBRARY: Record<RelationKind, string> = {
  finetune: 'transformers',
  adapter: 'peft',
  quantized: 'gguf',
  merge: 'transformers',
};

function presentFor(until: string | undefined): { now: Date; until: string } {
  if (until) {
    const match = /^(\d{4})-(\d{2})$/.exec(until);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12)
      throw new Error(`--until must be YYYY-MM, got ${until}`);
    return { now: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)), until };
  }
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  return { now: today, until: today.toISOString().slice(0, 7) };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Draws a base's parameters (months). The distributions are set so that the monthly series look like
 * the paper's 2025-02-18 data: about half of the bases stay (nearly) without derivatives, a tenth
 * gather hundreds, impact times cluster around a few months.
 * - "quiet" bases (45%): ln λ ~ N(−4, 0.7), a derivative or two at most;
 * - the others: ln λ ~ N(−0.3 + org shift, 0.9), org shift ~ N(0, 0.5) per organisation;
 * - μ ~ N(ln 3, 0.6) (impact time e^μ: median 3 months, 90% within 1.1–8 months);
 * - ln σ ~ N(0, 0.35), σ clipped to [0.3, 3].
 */
function drawParameters(rng: Rng, orgShift: number): { lambda: number; mu: number; sigma: number } {
  const quiet = rng.next() < 0.45;
  const lambda = quiet ? Math.exp(rng.normal(-4, 0.7)) : Math.exp(rng.normal(-0.3 + orgShift, 0.9));
  const mu = rng.normal(Math.log(3), 0.6);
  const sigma = clamp(Math.exp(rng.normal(0, 0.35)), 0.3, 3);
  return { lambda, mu, sigma };
}

/**
 * Arrival times (months since release, ascending) of a reinforced Poisson process with rate
 * λ·f(t; μ, σ)·(m + n(t)) observed up to age T. On the clock s = λ·F(t) the process is a pure birth
 * process with rate m + n, so the gaps are Exp(1)/(m + n): exact, no time stepping.
 */
export function simulateArrivals(
  rng: Rng,
  p: { lambda: number; mu: number; sigma: number; m: number },
  ageMonths: number,
  cap: number,
): number[] {
  if (!(ageMonths > 0)) return [];
  const sMax = p.lambda * Phi((Math.log(ageMonths) - p.mu) / p.sigma);
  const times: number[] = [];
  let s = 0;
  while (times.length < cap) {
    s += rng.exp() / (p.m + times.length);
    if (s >= sMax) break;
    times.push(Math.exp(p.mu + p.sigma * PhiInv(s / p.lambda)));
  }
  return times;
}

/** Builds a whole ecosystem from the options. Pure: no clock is read when `until` is given. */
export function simulateEcosystem(options: SimulateOptions): SimulatedEcosystem {
  if (!Number.isInteger(options.orgs) || options.orgs < 1) throw new Error('orgs must be a positive integer');
  if (!Number.isInteger(options.bases) || options.bases < 1)
    throw new Error('bases must be a positive integer');
  const months = options.months ?? 36;
  const m = options.m ?? 30;
  const cap = options.maxDerivativesPerBase ?? 2000;
  const downloadDays = options.downloadDays ?? 60;
  const { now, until } = presentFor(options.until);
  const rng = createRng(options.seed);

  const organisations: SimulatedOrganisation[] = [];
  const orgShift: number[] = [];
  for (let i = 1; i <= options.orgs; i++) {
    const slug = `sim-org-${i}`;
    // Every third organisation publishes under two namespaces, as Meta does (meta-llama, facebook).
    const authors = i % 3 === 0 ? [slug, `${slug}-research`] : [slug];
    organisations.push({ slug, name: `Simulated Org ${i}`, authors });
    orgShift.push(rng.normal(0, 0.5));
  }
  const users = Array.from({ length: Math.max(20, options.bases * 3) }, (_, i) => `sim-user-${i + 1}`);

  const models: SimulatedModel[] = [];
  const edges: SimulatedEdge[] = [];
  const snapshots: SimulatedSnapshot[] = [];
  const bases: SimulatedBase[] = [];
  let counter = 0;

  for (let b = 1; b <= options.bases; b++) {
    const orgIndex = rng.int(0, options.orgs - 1);
    const org = organisations[orgIndex];
    const author = rng.pick(org.authors);
    const baseName = `base-${b}`;
    const repoId = `${author}/${baseName}`;
    // More releases lately, as on the Hub: the release position in the window is skewed to its end.
    const ageMonths = Math.max(0.05, months * (1 - rng.next() ** 0.7));
    const createdAt = new Date(now.getTime() - Math.round(ageMonths * MONTH_MS));
    const params = { ...drawParameters(rng, orgShift[orgIndex]), m };
    const arrivals = simulateArrivals(rng, params, ageMonths, cap);
    bases.push({
      repoId,
      org: org.slug,
      ...params,
      derivatives: arrivals.length,
      capped: arrivals.length >= cap,
    });
    const base: SimulatedModel = {
      repoId,
      author,
      createdAt,
      isBase: true,
      pipelineTag: 'text-generation',
      libraryName: 'transformers',
      tags: ['transformers', 'text-generation'],
      downloads30d: 0,
      downloadsAllTime: 0,
      likes: 0,
    };
    models.push(base);

    const finetunes: string[] = [];
    const finetuneCreated = new Map<string, Date>();
    for (const t of arrivals) {
      const relation = rng.weighted(RELATION_SHARES);
      const user = rng.pick(users);
      const child = `${user}/${baseName}-${SUFFIX[relation]}-${++counter}`;
      const childCreatedAt = new Date(createdAt.getTime() + Math.round(t * MONTH_MS));
      const parents = [repoId];
      // A merge of two fine-tunes of the same base, when there are any.
      if (relation === 'merge' && finetunes.length > 0) parents.push(rng.pick(finetunes));
      models.push(derivative(rng, child, user, childCreatedAt, relation, parents));
      for (const parent of parents) edges.push({ child, parent, relation, childCreatedAt });
      if (relation === 'finetune') {
        finetunes.push(child);
        finetuneCreated.set(child, childCreatedAt);
      }
    }
    // Derivatives of derivatives: some fine-tunes get quantized by someone else days or weeks later.
    for (const ft of finetunes) {
      if (rng.next() >= 0.15) continue;
      const parentCreated = finetuneCreated.get(ft);
      if (!parentCreated) continue;
      const copies = rng.int(1, 2);
      for (let k = 0; k < copies; k++) {
        const createdAtQ = new Date(parentCreated.getTime() + Math.round(rng.exp() * 0.5 * MONTH_MS));
        if (createdAtQ >= now) continue;
        const user = rng.pick(users);
        const child = `${user}/${ft.split('/')[1]}-GGUF-${++counter}`;
        models.push(derivative(rng, child, user, createdAtQ, 'quantized', [ft]));
        edges.push({ child, parent: ft, relation: 'quantized', childCreatedAt: createdAtQ });
      }
    }
    simulateDownloads(rng, base, params.lambda, now, downloadDays, snapshots);
  }
  return {
    options: {
      seed: options.seed,
      orgs: options.orgs,
      bases: options.bases,
      months,
      m,
      maxDerivativesPerBase: cap,
      downloadDays,
      until,
    },
    now,
    organisations,
    models,
    edges,
    snapshots,
    bases,
  };
}

function derivative(
  rng: Rng,
  repoId: string,
  author: string,
  createdAt: Date,
  relation: RelationKind,
  parents: string[],
): SimulatedModel {
  const downloadsAllTime = Math.floor(Math.exp(rng.normal(4, 2)));
  return {
    repoId,
    author,
    createdAt,
    isBase: false,
    pipelineTag: 'text-generation',
    libraryName: LIBRARY[relation],
    // The tags the Hub computes for each declared parent.
    tags: parents.flatMap((p) => [`base_model:${p}`, `base_model:${relation}:${p}`]),
    downloads30d: Math.floor(downloadsAllTime * rng.next() * 0.3),
    downloadsAllTime,
    likes: Math.floor(Math.sqrt(downloadsAllTime) * rng.next() * 0.2),
  };
}

/**
 * Daily downloads of a base: a burst after release decaying like (age + 1)^−0.6, scaled by the base's
 * fitness, with ±25% day-to-day noise. Snapshots (all-time, 30-day, likes) are kept for the last
 * `days` days, as a daily crawl would record them.
 */
function simulateDownloads(
  rng: Rng,
  base: SimulatedModel,
  lambda: number,
  now: Date,
  days: number,
  out: SimulatedSnapshot[],
): void {
  const firstDay = Math.ceil(base.createdAt.getTime() / DAY_MS);
  const lastDay = Math.floor(now.getTime() / DAY_MS);
  const peak = 40 * Math.exp(Math.min(lambda, 8)) * Math.exp(rng.normal(0, 0.5));
  const cumulative: number[] = [];
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const age = day - firstDay;
    const rate = peak * (age + 1) ** -0.6 * Math.max(0, 1 + 0.25 * rng.normal());
    total += Math.round(rate);
    cumulative.push(total);
  }
  const likesOf = (all: number) => Math.floor(0.01 * all ** 0.8);
  for (let day = Math.max(firstDay, lastDay - days + 1); day <= lastDay; day++) {
    const i = day - firstDay;
    const all = cumulative[i];
    const monthAgo = i >= 30 ? cumulative[i - 30] : 0;
    out.push({
      repoId: base.repoId,
      day: new Date(day * DAY_MS),
      downloads30d: all - monthAgo,
      downloadsAllTime: all,
      likes: likesOf(all),
    });
  }
  const last = cumulative[cumulative.length - 1] ?? 0;
  base.downloadsAllTime = last;
  base.downloads30d = last - (cumulative.length > 30 ? cumulative[cumulative.length - 31] : 0);
  base.likes = likesOf(last);
}
