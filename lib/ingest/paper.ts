// Importer of the paper's published data (arXiv 2502.15987): monthly derivative series, daily downloads,
// companies and the authors' own fitted parameters. Everything is parsed and checked before one write.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@/lib/db.ts';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import {
  booleanCell,
  CsvFormatError,
  type CsvTable,
  cell,
  dateCell,
  numberCell,
  optionalNumberCell,
  parseCsvTable,
  requireColumns,
} from '@/lib/ingest/csv.ts';
import {
  type DownloadOptions,
  PAPER_COMPANIES,
  PAPER_DOWNLOAD_GROUPS,
  PAPER_SNAPSHOT,
  resolvePaperSource,
} from '@/lib/ingest/paper-source.ts';
import { hashParts, hashValues } from '@/lib/ingest/values-hash.ts';

export const PAPER_FIT_METHOD = 'paper-published';
export const PAPER_SETTING_KEY = 'source.paper';

/** Display names of the paper's company keys; slugs are the keys lowercased with "_" → "-". */
const COMPANY_NAMES: Record<string, string> = {
  AMAZON: 'Amazon',
  Allen_AI: 'Allen AI',
  Apple: 'Apple',
  BAAI: 'BAAI',
  CohereAI: 'Cohere',
  DeepSeek: 'DeepSeek',
  Google: 'Google',
  HuggingFace: 'Hugging Face',
  IBM: 'IBM',
  Meta: 'Meta',
  Microsoft: 'Microsoft',
  MistralAI: 'Mistral AI',
  Nvidia: 'NVIDIA',
  OpenAI: 'OpenAI',
  Qwen: 'Qwen',
  Salesforce: 'Salesforce',
  StabilityAI: 'Stability AI',
};

export function companySlug(company: string): string {
  return company.toLowerCase().replace(/_/g, '-');
}

export interface PaperOrganisation {
  slug: string;
  name: string;
  /** Hub authors seen in the company's files. */
  authors: string[];
}

export interface PaperModel {
  repoId: string;
  author: string;
  createdAt: Date;
  /** The company's slug, or null for the download file "Other". */
  org: string | null;
}

export interface PaperSeries {
  repoId: string;
  metric: 'all' | 'downloads';
  granularity: 'month' | 'day';
  startDate: Date;
  values: number[];
}

export type PublishedFitStatus = 'ok' | 'start_point' | 'degenerate';

export interface PaperPublishedFit {
  repoId: string;
  /** Null only for "Does not fit" rows the authors left without parameters. */
  lambda: number | null;
  mu: number | null;
  sigma: number | null;
  status: PublishedFitStatus;
  doesNotFit: boolean;
  /** Index of the last month the authors fitted (the series' last observed month). */
  asOf: number;
}

export interface PaperData {
  snapshot: string;
  dir: string;
  files: number;
  organisations: PaperOrganisation[];
  models: PaperModel[];
  series: PaperSeries[];
  publishedFits: PaperPublishedFit[];
}

const DAY_MS = 86_400_000;

function utcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** The month columns "0-month", "1-month", … in order; they must start at 0 and be contiguous. */
function monthColumns(table: CsvTable): string[] {
  const months = table.header
    .map((name) => /^(\d+)-month$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  if (months.length === 0) throw new CsvFormatError(table.file, 1, '0-month', 'missing column');
  months.forEach((k, i) => {
    if (k !== i) throw new CsvFormatError(table.file, 1, `${i}-month`, 'missing column');
  });
  return months.map((k) => `${k}-month`);
}

function classifyPublished(
  lambda: number | null,
  mu: number | null,
  sigma: number | null,
  doesNotFit: boolean,
): PublishedFitStatus {
  if (doesNotFit) return 'degenerate';
  // curve_fit's start point (0.5, 2, 0.5) returned unchanged: the optimiser never moved.
  if (lambda === 0.5 && mu === 2 && sigma === 0.5) return 'start_point';
  return 'ok';
}

interface ParsedFinetune {
  models: PaperModel[];
  series: PaperSeries[];
  fits: PaperPublishedFit[];
  authors: Set<string>;
}

/** One finetune/<Company>.csv: monthly cumulative derivative counts with the authors' fitted parameters. */
export function parseFinetuneCsv(text: string, file: string, orgSlug: string): ParsedFinetune {
  const table = parseCsvTable(text, file);
  requireColumns(table, ['model', 'lambda_i', 'mu_i', 'sigma_i', 'approx_condition', 'created_at']);
  const months = monthColumns(table);
  const out: ParsedFinetune = { models: [], series: [], fits: [], authors: new Set() };
  for (const row of table.rows) {
    const repoId = cell(table, row, 'model').trim();
    if (!/^[^/\s]+\/[^/\s]+$/.test(repoId)) {
      throw new CsvFormatError(
        file,
        row.line,
        'model',
        `${JSON.stringify(repoId)} is not an "org/name" model id`,
      );
    }
    const values: number[] = [];
    let ended: string | null = null;
    for (const column of months) {
      const value = optionalNumberCell(table, row, column);
      if (value === null) {
        ended ??= column;
        continue;
      }
      if (ended !== null) {
        throw new CsvFormatError(file, row.line, column, `a value follows the empty cell of "${ended}"`);
      }
      if (value < 0) throw new CsvFormatError(file, row.line, column, `${value} is negative`);
      if (values.length > 0 && value < values[values.length - 1]) {
        throw new CsvFormatError(
          file,
          row.line,
          column,
          `${value} is below the previous month's ${values[values.length - 1]} (counts are cumulative)`,
        );
      }
      values.push(value);
    }
    if (values.length === 0) throw new CsvFormatError(file, row.line, months[0], 'the series is empty');
    const createdAt = dateCell(table, row, 'created_at');
    const doesNotFit = booleanCell(table, row, 'approx_condition');
    // Five "Does not fit" rows have no parameters at all; elsewhere a missing one is an error.
    const param = (column: string) =>
      doesNotFit ? optionalNumberCell(table, row, column) : numberCell(table, row, column);
    const lambda = param('lambda_i');
    const mu = param('mu_i');
    const sigma = param('sigma_i');
    const author = repoId.split('/')[0];
    out.authors.add(author);
    out.models.push({ repoId, author, createdAt, org: orgSlug });
    // The authors' tool dates a series by the creation day (pandas strftime('%Y-%m-%d')).
    out.series.push({ repoId, metric: 'all', granularity: 'month', startDate: utcDay(createdAt), values });
    out.fits.push({
      repoId,
      lambda,
      mu,
      sigma,
      doesNotFit,
      status: classifyPublished(lambda, mu, sigma, doesNotFit),
      asOf: values.length - 1,
    });
  }
  return out;
}

interface ParsedDownloads {
  models: PaperModel[];
  series: PaperSeries[];
  authors: Set<string>;
}

/**
 * One download/<Company>.csv: daily cumulative downloads. The leading zeros (days before the model
 * existed or before it was first downloaded) are dropped: point 0 is the first day with a non-zero
 * count. A model never downloaded in the window keeps its zeros from its creation day on.
 */
export function parseDownloadCsv(text: string, file: string, orgSlug: string | null): ParsedDownloads {
  const table = parseCsvTable(text, file);
  requireColumns(table, ['model', 'created_at']);
  const dayColumns = table.header.filter((name) => /^\d{4}-\d{2}-\d{2}( 00:00:00)?$/.test(name));
  if (dayColumns.length === 0) throw new CsvFormatError(file, 1, null, 'no daily date columns');
  const firstDay = new Date(`${dayColumns[0].slice(0, 10)}T00:00:00Z`);
  dayColumns.forEach((column, i) => {
    const expected = new Date(firstDay.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    if (column.slice(0, 10) !== expected) {
      throw new CsvFormatError(file, 1, column, `expected the consecutive day ${expected}`);
    }
  });
  const out: ParsedDownloads = { models: [], series: [], authors: new Set() };
  for (const row of table.rows) {
    const repoId = cell(table, row, 'model').trim();
    if (!/^[^/\s]+\/[^/\s]+$/.test(repoId)) {
      throw new CsvFormatError(
        file,
        row.line,
        'model',
        `${JSON.stringify(repoId)} is not an "org/name" model id`,
      );
    }
    const all = dayColumns.map((column) => {
      const value = numberCell(table, row, column);
      if (value < 0) throw new CsvFormatError(file, row.line, column, `${value} is negative`);
      return value;
    });
    const createdAt = dateCell(table, row, 'created_at');
    let start = all.findIndex((v) => v > 0);
    if (start < 0) {
      const createdIndex = Math.round((utcDay(createdAt).getTime() - firstDay.getTime()) / DAY_MS);
      start = Math.min(Math.max(createdIndex, 0), all.length - 1);
    }
    const author = repoId.split('/')[0];
    out.authors.add(author);
    out.models.push({ repoId, author, createdAt, org: orgSlug });
    out.series.push({
      repoId,
      metric: 'downloads',
      granularity: 'day',
      startDate: new Date(firstDay.getTime() + start * DAY_MS),
      values: all.slice(start),
    });
  }
  return out;
}

/** Reads and checks every file of a dated folder (finetune/ and download/). Throws CsvFormatError on the first problem. */
export function readPaperData(dir: string): PaperData {
  const orgs = new Map<string, PaperOrganisation>();
  const models = new Map<string, PaperModel>();
  const series: PaperSeries[] = [];
  const publishedFits: PaperPublishedFit[] = [];
  const seenSeries = new Set<string>();
  let files = 0;

  const addOrg = (company: string, authors: Set<string>) => {
    const slug = companySlug(company);
    const org = orgs.get(slug) ?? { slug, name: COMPANY_NAMES[company] ?? company, authors: [] };
    for (const author of authors) if (!org.authors.includes(author)) org.authors.push(author);
    orgs.set(slug, org);
  };
  const addSeries = (s: PaperSeries, file: string) => {
    const key = `${s.repoId}|${s.metric}`;
    if (seenSeries.has(key))
      throw new CsvFormatError(file, null, 'model', `${s.repoId} appears in two files`);
    seenSeries.add(key);
    series.push(s);
  };

  for (const company of PAPER_COMPANIES) {
    const file = `finetune/${company}.csv`;
    const text = readRequired(dir, file);
    const parsed = parseFinetuneCsv(text, `${company}.csv`, companySlug(company));
    files++;
    addOrg(company, parsed.authors);
    for (const model of parsed.models) models.set(model.repoId, model);
    for (const s of parsed.series) addSeries(s, `finetune/${company}.csv`);
    publishedFits.push(...parsed.fits);
  }
  for (const group of PAPER_DOWNLOAD_GROUPS) {
    const file = `download/${group}.csv`;
    const text = readRequired(dir, file, group === 'Other');
    if (text === null) continue;
    const slug = group === 'Other' ? null : companySlug(group);
    const parsed = parseDownloadCsv(text, `download/${group}.csv`, slug);
    files++;
    if (slug) addOrg(group, parsed.authors);
    for (const model of parsed.models) if (!models.has(model.repoId)) models.set(model.repoId, model);
    for (const s of parsed.series) addSeries(s, `download/${group}.csv`);
  }
  return {
    snapshot: /^\d{4}-\d{2}-\d{2}$/.test(path.basename(dir)) ? path.basename(dir) : PAPER_SNAPSHOT,
    dir,
    files,
    organisations: [...orgs.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    models: [...models.values()],
    series,
    publishedFits,
  };
}

function readRequired(dir: string, file: string, optional?: false): string;
function readRequired(dir: string, file: string, optional: boolean): string | null;
function readRequired(dir: string, file: string, optional = false): string | null {
  try {
    return readFileSync(path.join(dir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (optional) return null;
      throw new CsvFormatError(file, null, null, `the file is missing from ${dir}`);
    }
    throw error;
  }
}

/** One base model of the paper's data as the backtests and benchmarks read it. */
export interface PaperMonthlyRow {
  id: string;
  /** Organisation slug (e.g. "salesforce"). */
  org: string | null;
  /** y[k] = cumulative derivatives k months after creation (observed months only). */
  y: number[];
  /** The authors' published fit. */
  published: PaperPublishedFit;
}

/** The monthly derivative series of the paper's data with their published fits, in file order. */
export function paperMonthlyRows(data: PaperData): PaperMonthlyRow[] {
  const orgOf = new Map(data.models.map((m) => [m.repoId, m.org]));
  const fitOf = new Map(data.publishedFits.map((f) => [f.repoId, f]));
  return data.series.flatMap((s) => {
    const published = fitOf.get(s.repoId);
    if (s.granularity !== 'month' || !published) return [];
    return [{ id: s.repoId, org: orgOf.get(s.repoId) ?? null, y: s.values, published }];
  });
}

export interface ImportCounts {
  organisations: { created: number; unchanged: number };
  authors: { created: number; unchanged: number };
  models: { created: number; updated: number; unchanged: number };
  series: { created: number; updated: number; unchanged: number; kept: number };
  fits: { created: number; updated: number; unchanged: number };
}

export type ImportStage = 'read' | 'organisations' | 'models' | 'series' | 'fits' | 'commit';

export interface ImportOptions {
  onStage?: (stage: ImportStage, done: number, total: number) => void;
  /** Test hook: runs inside the transaction just before it commits (throw to check the rollback). */
  beforeCommit?: () => Promise<void> | void;
}

type Tx = Prisma.TransactionClient;

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function publishedHash(fit: PaperPublishedFit, valuesHash: string, snapshot: string): string {
  return hashParts([
    PAPER_FIT_METHOD,
    snapshot,
    valuesHash,
    `${fit.lambda}`,
    `${fit.mu}`,
    `${fit.sigma}`,
    fit.status,
  ]);
}

/**
 * Writes parsed paper data in one transaction. Idempotent: rows are keyed on repoId, (modelId,
 * metric) and (seriesId, method, asOf), and a row whose content is the same is left untouched.
 * Series that came from another source (e.g. a crawl) are kept, not overwritten by the older snapshot.
 */
export async function writePaperData(
  db: Database,
  data: PaperData,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const counts: ImportCounts = {
    organisations: { created: 0, unchanged: 0 },
    authors: { created: 0, unchanged: 0 },
    models: { created: 0, updated: 0, unchanged: 0 },
    series: { created: 0, updated: 0, unchanged: 0, kept: 0 },
    fits: { created: 0, updated: 0, unchanged: 0 },
  };
  const stage = options.onStage ?? (() => {});
  await db.prisma.$transaction(
    async (tx) => {
      stage('organisations', 0, data.organisations.length);
      await writeOrganisations(tx, data, counts);
      stage('models', 0, data.models.length);
      const modelIds = await writeModels(tx, data, counts);
      stage('series', 0, data.series.length);
      const seriesByRepo = await writeSeries(tx, data, modelIds, counts, (done) =>
        stage('series', done, data.series.length),
      );
      stage('fits', 0, data.publishedFits.length);
      await writePublishedFits(tx, data, seriesByRepo, counts);
      const monthly = data.series.filter((s) => s.metric === 'all').length;
      const value = {
        loadedAt: new Date().toISOString(),
        snapshot: data.snapshot,
        models: data.models.length,
        series: data.series.length,
        monthlySeries: monthly,
        downloadSeries: data.series.length - monthly,
        organisations: data.organisations.length,
      };
      await tx.setting.upsert({
        where: { key: PAPER_SETTING_KEY },
        create: { key: PAPER_SETTING_KEY, value },
        update: { value },
      });
      stage('commit', 0, 1);
      await options.beforeCommit?.();
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return counts;
}

async function writeOrganisations(tx: Tx, data: PaperData, counts: ImportCounts): Promise<void> {
  const existing = await tx.organisation.findMany({
    where: { slug: { in: data.organisations.map((o) => o.slug) } },
  });
  const known = new Set(existing.map((o) => o.slug));
  const fresh = data.organisations.filter((o) => !known.has(o.slug));
  // Names of existing organisations may have been edited by a user: leave them.
  if (fresh.length)
    await tx.organisation.createMany({ data: fresh.map(({ slug, name }) => ({ slug, name })) });
  counts.organisations.created += fresh.length;
  counts.organisations.unchanged += data.organisations.length - fresh.length;
  const all = await tx.organisation.findMany({
    where: { slug: { in: data.organisations.map((o) => o.slug) } },
  });
  const idBySlug = new Map(all.map((o) => [o.slug, o.id]));
  const authors = data.organisations.flatMap((o) =>
    o.authors.map((author) => ({ author, orgId: idBySlug.get(o.slug) ?? 0 })),
  );
  // The author → organisation mapping is editable: an author mapped already keeps its organisation.
  const mapped = await tx.orgAuthor.findMany({ where: { author: { in: authors.map((a) => a.author) } } });
  const mappedSet = new Set(mapped.map((a) => a.author));
  const newAuthors = authors.filter((a) => !mappedSet.has(a.author));
  if (newAuthors.length) await tx.orgAuthor.createMany({ data: newAuthors, skipDuplicates: true });
  counts.authors.created += newAuthors.length;
  counts.authors.unchanged += authors.length - newAuthors.length;
}

async function writeModels(tx: Tx, data: PaperData, counts: ImportCounts): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const existing = new Map<string, { id: number; createdAt: Date | null }>();
  for (const part of chunks(data.models.map((m) => m.repoId))) {
    const rows = await tx.hubModel.findMany({
      where: { repoId: { in: part } },
      select: { id: true, repoId: true, createdAt: true },
    });
    for (const row of rows) existing.set(row.repoId, row);
  }
  const fresh = data.models.filter((m) => !existing.has(m.repoId));
  for (const part of chunks(fresh)) {
    await tx.hubModel.createMany({
      data: part.map((m) => ({
        repoId: m.repoId,
        author: m.author,
        createdAt: m.createdAt,
        isBase: true,
        crawled: false,
        source: 'paper' as const,
      })),
      skipDuplicates: true,
    });
  }
  counts.models.created += fresh.length;
  for (const model of data.models) {
    const row = existing.get(model.repoId);
    if (!row) continue;
    // Only fill a missing creation date; a crawled model's own data win over the snapshot.
    if (row.createdAt === null) {
      await tx.hubModel.update({ where: { id: row.id }, data: { createdAt: model.createdAt } });
      counts.models.updated++;
    } else counts.models.unchanged++;
    ids.set(model.repoId, row.id);
  }
  for (const part of chunks(fresh.map((m) => m.repoId))) {
    const rows = await tx.hubModel.findMany({
      where: { repoId: { in: part } },
      select: { id: true, repoId: true },
    });
    for (const row of rows) ids.set(row.repoId, row.id);
  }
  return ids;
}

interface SeriesRef {
  id: number;
  valuesHash: string;
}

async function writeSeries(
  tx: Tx,
  data: PaperData,
  modelIds: Map<string, number>,
  counts: ImportCounts,
  progress: (done: number) => void,
): Promise<Map<string, SeriesRef>> {
  const key = (modelId: number, metric: string) => `${modelId}|${metric}`;
  const existing = new Map<string, { id: number; valuesHash: string; source: string }>();
  for (const part of chunks([...new Set(modelIds.values())])) {
    const rows = await tx.series.findMany({
      where: { modelId: { in: part }, metric: { in: ['all', 'downloads'] } },
      select: { id: true, modelId: true, metric: true, valuesHash: true, source: true },
    });
    for (const row of rows) existing.set(key(row.modelId, row.metric), row);
  }
  const creates: Prisma.SeriesCreateManyInput[] = [];
  const refs = new Map<string, SeriesRef>();
  let done = 0;
  for (const s of data.series) {
    const modelId = modelIds.get(s.repoId);
    if (modelId === undefined) throw new Error(`internal: no model id for ${s.repoId}`);
    const valuesHash = hashValues(s.values);
    const row = existing.get(key(modelId, s.metric));
    if (!row) {
      creates.push({
        modelId,
        metric: s.metric,
        granularity: s.granularity,
        source: 'paper',
        startDate: s.startDate,
        values: s.values,
        lastPartial: false,
        valuesHash,
      });
      continue;
    }
    if (row.source !== 'paper') {
      counts.series.kept++;
      continue;
    }
    refs.set(`${s.repoId}|${s.metric}`, { id: row.id, valuesHash });
    if (row.valuesHash === valuesHash) {
      counts.series.unchanged++;
      continue;
    }
    await tx.series.update({
      where: { id: row.id },
      data: {
        values: s.values,
        valuesHash,
        startDate: s.startDate,
        granularity: s.granularity,
        lastPartial: false,
      },
    });
    counts.series.updated++;
    done++;
    if (done % 200 === 0) progress(done);
  }
  for (const part of chunks(creates, 500)) {
    await tx.series.createMany({ data: part });
    counts.series.created += part.length;
    done += part.length;
    progress(done);
  }
  // Ids of the new rows, to attach the published fits.
  const createdModelIds = [...new Set(creates.map((c) => c.modelId))];
  const repoById = new Map([...modelIds.entries()].map(([repo, id]) => [id, repo]));
  for (const part of chunks(createdModelIds)) {
    const rows = await tx.series.findMany({
      where: { modelId: { in: part }, metric: { in: ['all', 'downloads'] } },
      select: { id: true, modelId: true, metric: true, valuesHash: true },
    });
    for (const row of rows)
      refs.set(`${repoById.get(row.modelId)}|${row.metric}`, { id: row.id, valuesHash: row.valuesHash });
  }
  return refs;
}

async function writePublishedFits(
  tx: Tx,
  data: PaperData,
  seriesByRepo: Map<string, SeriesRef>,
  counts: ImportCounts,
): Promise<void> {
  const rows = data.publishedFits
    .map((fit) => {
      const ref = seriesByRepo.get(`${fit.repoId}|all`);
      return ref ? { fit, ref, inputHash: publishedHash(fit, ref.valuesHash, data.snapshot) } : null;
    })
    .filter((r): r is NonNullable<typeof r> => r !== null);
  const existing = new Map<string, { id: number; inputHash: string }>();
  for (const part of chunks(rows.map((r) => r.ref.id))) {
    const found = await tx.fit.findMany({
      where: { seriesId: { in: part }, method: PAPER_FIT_METHOD },
      select: { id: true, seriesId: true, asOf: true, inputHash: true },
    });
    for (const f of found) existing.set(`${f.seriesId}|${f.asOf}`, f);
  }
  const creates: Prisma.FitCreateManyInput[] = [];
  for (const { fit, ref, inputHash } of rows) {
    const record = {
      seriesId: ref.id,
      method: PAPER_FIT_METHOD,
      version: data.snapshot,
      asOf: fit.asOf,
      inputHash,
      status: fit.status,
      reason:
        fit.status === 'start_point'
          ? 'the published parameters are the optimiser start point (0.5, 2.0, 0.5)'
          : fit.status === 'degenerate'
            ? 'the authors flagged this row "Does not fit"'
            : null,
      lambda: fit.lambda,
      mu: fit.mu,
      sigma: fit.sigma,
      m: 1,
      quality: { doesNotFit: fit.doesNotFit, timeUnit: 'year' },
    };
    const found = existing.get(`${ref.id}|${fit.asOf}`);
    if (!found) creates.push(record);
    else if (found.inputHash === inputHash) counts.fits.unchanged++;
    else {
      await tx.fit.update({ where: { id: found.id }, data: record });
      counts.fits.updated++;
    }
  }
  for (const part of chunks(creates)) {
    await tx.fit.createMany({ data: part });
    counts.fits.created += part.length;
  }
}

export interface PaperImportResult {
  jobId: number;
  dir: string;
  counts: ImportCounts;
  models: number;
  monthlySeries: number;
  downloadSeries: number;
  ms: number;
}

export interface RunPaperImportOptions extends ImportOptions {
  /** A local folder or a URL; nothing means the authors' GitHub repository (cached in .data/paper-cache). */
  source?: string;
  download?: DownloadOptions;
  /** Called with the job's id as soon as its row exists (the web app answers with the job). */
  onJob?: (jobId: number) => void;
}

/**
 * The whole import as a Job (kind import): resolve the source, parse and check every file, write in
 * one transaction. A failure marks the job failed with the message and leaves the data as they were.
 */
export async function runPaperImport(
  db: Database,
  options: RunPaperImportOptions = {},
): Promise<PaperImportResult> {
  const started = Date.now();
  const job = await db.prisma.job.create({
    data: {
      kind: 'import',
      status: 'running',
      params: { source: 'paper', from: options.source ?? 'github' },
    },
  });
  options.onJob?.(job.id);
  try {
    options.onStage?.('read', 0, 1);
    const dir = await resolvePaperSource(options.source, options.download);
    const data = readPaperData(dir);
    const total = data.series.length;
    await db.prisma.job.update({
      where: { id: job.id },
      data: { total, params: { source: 'paper', from: dir } },
    });
    const counts = await writePaperData(db, data, options);
    const monthlySeries = data.series.filter((s) => s.metric === 'all').length;
    await db.prisma.job.update({
      where: { id: job.id },
      data: {
        status: 'succeeded',
        done: total,
        counts: counts as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
    return {
      jobId: job.id,
      dir,
      counts,
      models: data.models.length,
      monthlySeries,
      downloadSeries: total - monthlySeries,
      ms: Date.now() - started,
    };
  } catch (error) {
    await db.prisma.job.update({
      where: { id: job.id },
      data: {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      },
    });
    throw error;
  }
}
