// zod shapes of the Hub's model records (list items and detail answers with explicit expand[]).
import { z } from 'zod';

export const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;
export type HubRelation = (typeof RELATIONS)[number];

export function isRelation(value: unknown): value is HubRelation {
  return typeof value === 'string' && (RELATIONS as readonly string[]).includes(value);
}

/** Fields we ask the list route for (childrenModelCount is accepted only on the detail route). */
export const LIST_EXPAND = [
  'author',
  'createdAt',
  'downloads',
  'downloadsAllTime',
  'likes',
  'gated',
  'tags',
  'pipeline_tag',
  'library_name',
  'baseModels',
] as const;

export const DETAIL_EXPAND = [...LIST_EXPAND, 'childrenModelCount'] as const;

const count = z.number().int().nonnegative();

export const hubModelSchema = z.object({
  _id: z.string().min(1).optional(),
  id: z.string().regex(/^[^\s/]+(\/[^\s/]+)?$/, 'not a repo id'),
  author: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
  downloads: count.optional(),
  downloadsAllTime: count.optional(),
  likes: count.optional(),
  gated: z.union([z.boolean(), z.string()]).optional(),
  tags: z.array(z.string()).optional(),
  pipeline_tag: z.string().nullish(),
  library_name: z.string().nullish(),
  // Card metadata is free-form YAML: keep it unknown and read base_model defensively.
  cardData: z.unknown().optional(),
  baseModels: z
    .object({
      relation: z.string(),
      models: z.array(z.object({ _id: z.string().optional(), id: z.string() })),
    })
    .nullish(),
  childrenModelCount: z.record(z.string(), count).nullish(),
});

export type HubModelRecord = z.infer<typeof hubModelSchema>;

export type ParsedItem =
  | { ok: true; model: HubModelRecord }
  | { ok: false; id: string | null; reason: string };

/** Validates one record; a failure names the offending fields so the job can log why it was skipped. */
export function parseHubModel(raw: unknown): ParsedItem {
  const result = hubModelSchema.safeParse(raw);
  if (result.success) return { ok: true, model: result.data };
  const id =
    raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : null;
  const reason = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, id, reason };
}
