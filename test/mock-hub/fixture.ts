// A deterministic fake Hub: a few organisations' base models and a derivative tree under each, with the
// awkward cases a crawler meets (merges of two bases, grandchildren, the 2022 createdAt placeholder).
import type { HubRelation } from '@/lib/hub/schemas.ts';
import type { MockModel } from '@/test/mock-hub/types.ts';

export const CREATED_AT_PLACEHOLDER = '2022-03-02T23:29:04.000Z';

/** mulberry32: small, fast and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed?: number;
  orgs?: string[];
  basesPerOrg?: number;
  /** Largest number of direct children per relation of a base model. */
  maxChildren?: number;
}

const RELATION_TAGS: Record<HubRelation, string[]> = {
  finetune: ['transformers', 'safetensors', 'text-generation'],
  adapter: ['peft', 'safetensors', 'lora'],
  quantized: ['gguf', 'text-generation'],
  merge: ['transformers', 'safetensors', 'mergekit', 'merge'],
};

export function generateMockModels(options: GenerateOptions = {}): MockModel[] {
  const random = seededRandom(options.seed ?? 42);
  const orgs = options.orgs ?? ['acme-ai', 'nebula-labs', 'orbit'];
  const basesPerOrg = options.basesPerOrg ?? 2;
  const maxChildren = options.maxChildren ?? 7;
  const int = (max: number) => Math.floor(random() * (max + 1));
  let counter = 0;
  const objectId = () => {
    counter += 1;
    return (
      (0x650000000000 + counter).toString(16).padStart(12, '0') +
      Math.floor(random() * 0xffffff)
        .toString(16)
        .padStart(12, '0')
    );
  };
  const date = (from: number, spanDays: number) =>
    new Date(from + Math.floor(random() * spanDays * 86_400_000)).toISOString();
  const models: MockModel[] = [];
  const make = (id: string, createdAt: string, tags: string[], parents?: MockModel['parents']): MockModel => {
    const downloads = int(50_000);
    const model: MockModel = {
      _id: objectId(),
      id,
      createdAt,
      downloads,
      downloadsAllTime: downloads * (1 + int(20)),
      likes: int(300),
      trendingScore: int(100),
      pipeline_tag: 'text-generation',
      library_name: tags.includes('gguf') ? undefined : tags.includes('peft') ? 'peft' : 'transformers',
      tags: [...tags, 'license:apache-2.0', 'region:us'],
      parents,
    };
    models.push(model);
    return model;
  };

  const bases: MockModel[] = [];
  for (const org of orgs) {
    for (let b = 0; b < basesPerOrg; b++) {
      // The first base of the first org predates the Hub's creation dates.
      const createdAt = bases.length === 0 ? CREATED_AT_PLACEHOLDER : date(Date.UTC(2023, 0, 1), 900);
      const base = make(`${org}/${org.split('-')[0]}-${b + 1}b`, createdAt, RELATION_TAGS.finetune);
      base.gated = b === 0 ? 'auto' : false;
      base.downloads += 100_000;
      base.downloadsAllTime += 5_000_000;
      bases.push(base);
    }
  }
  // A stray non-derivative model of a user, so --author filtering has something to drop.
  const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
  for (const base of bases) {
    const start =
      Date.parse(base.createdAt) > Date.UTC(2022, 2, 3) ? Date.parse(base.createdAt) : Date.UTC(2022, 5, 1);
    for (const relation of ['finetune', 'adapter', 'quantized', 'merge'] as const) {
      const n = int(maxChildren);
      for (let c = 0; c < n; c++) {
        const user = users[int(users.length - 1)];
        const parents: NonNullable<MockModel['parents']> = [{ id: base.id, relation }];
        if (relation === 'merge') {
          const other = bases[int(bases.length - 1)];
          if (other.id !== base.id) parents.push({ id: other.id, relation });
        }
        const name = `${user}/${base.id.split('/')[1]}-${relation}-${c + 1}`;
        const child = make(name, date(start, 500), RELATION_TAGS[relation], parents);
        child.downloads = Math.floor(child.downloads / 10);
        child.downloadsAllTime = Math.floor(child.downloadsAllTime / 10);
        // Finetunes attract quantizations of their own: the second level of the tree.
        if (relation === 'finetune' && c % 2 === 0) {
          for (let g = 0; g < 1 + int(2); g++) {
            make(
              `${users[int(users.length - 1)]}/${name.split('/')[1]}-q${g + 1}-GGUF`,
              date(Date.parse(child.createdAt), 200),
              RELATION_TAGS.quantized,
              [{ id: child.id, relation: 'quantized' }],
            );
          }
        }
      }
    }
  }
  return models;
}
