// A simulated whole-Hub dump: `bases` base models and `models - bases` derivatives hanging below them
// (most on a few popular bases, some on other derivatives), in batches as the parquet reader yields them.
import type { HubDumpRow } from '@/lib/ingest/hub-dump.ts';
import { seededRandom } from '@/test/mock-hub/fixture.ts';

export interface DumpGraphOptions {
  models: number;
  bases: number;
  seed?: number;
  batchSize?: number;
}

const RELATIONS = [
  'finetune',
  'finetune',
  'finetune',
  'quantized',
  'quantized',
  'adapter',
  'adapter',
  'merge',
] as const;
const DAY = 86_400_000;
const FIRST = Date.UTC(2022, 5, 1);
const LAST = Date.UTC(2026, 9, 31);

export const dumpRepoId = (index: number, bases: number) =>
  index < bases ? `org${index % 997}/base-${index}` : `user${index % 50_021}/derived-${index}`;

export function* generateHubDump(options: DumpGraphOptions): Generator<HubDumpRow[]> {
  const random = seededRandom(options.seed ?? 7);
  const batchSize = options.batchSize ?? 100_000;
  const created = new Float64Array(options.models);
  const hex = (index: number) => index.toString(16).padStart(24, '0');
  let batch: HubDumpRow[] = [];
  for (let i = 0; i < options.models; i++) {
    const id = dumpRepoId(i, options.bases);
    const row: HubDumpRow = {
      _id: hex(i + 1),
      id,
      author: id.split('/')[0],
      downloads: Math.floor(random() * 10_000),
      downloadsAllTime: Math.floor(random() * 1_000_000),
      likes: Math.floor(random() * 50),
      pipeline_tag: 'text-generation',
      library_name: 'transformers',
    };
    if (i < options.bases) {
      // One base in a hundred predates the Hub's creation dates.
      created[i] =
        i % 100 === 0 ? Date.UTC(2022, 2, 2, 23, 29, 4) : FIRST + random() * (Date.UTC(2025, 5, 1) - FIRST);
      row.tags = ['transformers', 'safetensors', 'text-generation', 'region:us'];
      row.baseModels = null;
    } else {
      // Popular bases draw most derivatives (u³ skews towards index 0); a fifth build on derivatives.
      const onBase = random() < 0.8;
      const parent = onBase
        ? Math.floor(options.bases * random() ** 3)
        : options.bases + Math.floor(random() * (i - options.bases));
      const parentIndex = parent < i ? parent : Math.floor(random() * options.bases);
      const relation = RELATIONS[Math.floor(random() * RELATIONS.length)];
      const parents = [parentIndex];
      if (relation === 'merge') parents.push(Math.floor(random() * options.bases));
      const unique = [...new Set(parents)];
      const start = Math.max(...unique.map((p) => (created[p] < Date.UTC(2022, 2, 4) ? FIRST : created[p])));
      created[i] = Math.min(LAST, start + random() * 600 * DAY);
      const ids = unique.map((p) => dumpRepoId(p, options.bases));
      row.tags = [
        'safetensors',
        ...ids.flatMap((p) => [`base_model:${p}`, `base_model:${relation}:${p}`]),
        'region:us',
      ];
      row.baseModels = { relation, models: unique.map((p, k) => ({ _id: hex(p + 1), id: ids[k] })) };
    }
    row.createdAt = new Date(created[i]);
    batch.push(row);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
