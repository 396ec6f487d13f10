// The real 67-model Mistral-Small-24B tree from ../shared/data/lineage (unknown licence: read in place,
// never copied) as mock-Hub models, for tests that want realistic ids, tags and dates.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { isRelation } from '@/lib/hub/schemas.ts';
import type { MockModel } from '@/test/mock-hub/types.ts';

export const LINEAGE_CSV = path.resolve(
  import.meta.dirname,
  '../../../shared/data/lineage/mistral-small-24b-base-2501_family_tree_2025-04-05.csv',
);

interface CsvMetadata {
  id: string;
  created_at?: string | null;
  last_modified?: string | null;
  downloads?: number | null;
  likes?: number | null;
  library_name?: string | null;
  pipeline_tag?: string | null;
  gated?: boolean | string | null;
  tags?: string[];
}

const objectId = (id: string) => createHash('sha1').update(id).digest('hex').slice(0, 24);
const iso = (value: string | null | undefined) =>
  value ? new Date(value.replace(' ', 'T')).toISOString() : undefined;

/** Models of the CSV, plus a bare record for every parent outside the tree; null when the file is absent. */
export function loadLineageCsv(file = LINEAGE_CSV): MockModel[] | null {
  if (!existsSync(file)) return null;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as { metadata: string }[];
  const models = new Map<string, MockModel>();
  for (const row of rows) {
    const meta = JSON.parse(row.metadata) as CsvMetadata;
    const parents: NonNullable<MockModel['parents']> = [];
    const own: string[] = [];
    for (const tag of meta.tags ?? []) {
      const match = /^base_model:(?:([a-z]+):)?(.+)$/.exec(tag);
      if (!match) own.push(tag);
      else if (match[1] && isRelation(match[1]) && !parents.some((p) => p.id === match[2])) {
        parents.push({ id: match[2], relation: match[1] });
      }
    }
    const downloads = meta.downloads ?? 0;
    models.set(meta.id, {
      _id: objectId(meta.id),
      id: meta.id,
      createdAt: iso(meta.created_at) ?? '2022-03-02T23:29:04.000Z',
      lastModified: iso(meta.last_modified),
      downloads,
      downloadsAllTime: downloads * 3,
      likes: meta.likes ?? 0,
      gated: meta.gated === 'auto' || meta.gated === 'manual' ? meta.gated : false,
      pipeline_tag: meta.pipeline_tag ?? undefined,
      library_name: meta.library_name ?? undefined,
      tags: own,
      parents,
    });
  }
  for (const model of [...models.values()]) {
    for (const parent of model.parents ?? []) {
      if (!models.has(parent.id)) {
        models.set(parent.id, {
          _id: objectId(parent.id),
          id: parent.id,
          createdAt: '2024-06-01T00:00:00.000Z',
          downloads: 0,
          downloadsAllTime: 0,
          likes: 0,
          tags: [],
        });
      }
    }
  }
  return [...models.values()];
}
