// Reads a model's parents from what the Hub returns: the computed tags base_model:<relation>:<parent>
// first (edge source 'tags'), then baseModels / cardData.base_model (source 'card_data').
import { type HubModelRecord, type HubRelation, isRelation } from '@/lib/hub/schemas.ts';

export interface ParentLink {
  parent: string;
  relation: HubRelation;
  source: 'tags' | 'card_data';
  /** The parent's Mongo _id when the Hub told us (baseModels). */
  parentHubId?: string;
}

/** The Hub stamps this creation date on every repo made before it stored creation dates. */
export const PLACEHOLDER_CUTOFF = Date.UTC(2022, 2, 3);

/** The creation date, or null when missing, unparseable or the pre-March-2022 placeholder. */
export function creationDate(createdAt: string | null | undefined): Date | null {
  if (!createdAt) return null;
  const time = Date.parse(createdAt);
  if (Number.isNaN(time) || time <= PLACEHOLDER_CUTOFF) return null;
  return new Date(time);
}

const RELATION_TAG = /^base_model:(finetune|adapter|quantized|merge):(.+)$/;

function cardBaseModels(cardData: unknown): { parents: string[]; relation: string | undefined } {
  if (!cardData || typeof cardData !== 'object') return { parents: [], relation: undefined };
  const card = cardData as { base_model?: unknown; base_model_relation?: unknown };
  const raw = Array.isArray(card.base_model) ? card.base_model : [card.base_model];
  const parents = raw.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const relation = typeof card.base_model_relation === 'string' ? card.base_model_relation : undefined;
  return { parents: parents.map((p) => p.trim()), relation };
}

/** Every direct parent of a model, each once, never the model itself. */
export function parentsOf(model: HubModelRecord): ParentLink[] {
  const links = new Map<string, ParentLink>();
  const hubIds = new Map((model.baseModels?.models ?? []).map((ref) => [ref.id, ref._id]));
  const add = (link: ParentLink) => {
    if (link.parent === model.id || links.has(link.parent)) return;
    links.set(link.parent, { ...link, parentHubId: hubIds.get(link.parent) });
  };

  for (const tag of model.tags ?? []) {
    const match = RELATION_TAG.exec(tag);
    if (match) add({ parent: match[2], relation: match[1] as HubRelation, source: 'tags' });
  }
  const declared = model.baseModels?.relation;
  if (isRelation(declared)) {
    for (const ref of model.baseModels?.models ?? [])
      add({ parent: ref.id, relation: declared, source: 'card_data' });
  }
  const card = cardBaseModels(model.cardData);
  // The Hub infers the relation when the card does not say; a list of several bases is a merge.
  const inferred = isRelation(card.relation) ? card.relation : card.parents.length > 1 ? 'merge' : 'finetune';
  for (const parent of card.parents) add({ parent, relation: inferred, source: 'card_data' });
  return [...links.values()];
}

/** True for models the Hub marks as derived from another (the filter used by --author and --top). */
export function isDerivative(model: HubModelRecord): boolean {
  return parentsOf(model).length > 0;
}
