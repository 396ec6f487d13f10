import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { getModelOrThrow, toIso } from '@/lib/data/models.ts';
import { getDb } from '@/lib/db.ts';
import type { Relation } from '@/lib/schemas/common.ts';
import type { DerivativeList } from '@/lib/schemas/models.ts';

type Row = {
  repoId: string;
  relation: Relation;
  createdAt: Date | string | null;
  downloads30d: bigint | number | null;
  downloadsAllTime: bigint | number | null;
  likes: number | null;
  children: number;
};

const num = (v: bigint | number | null) => (v === null ? null : Number(v));

/** GET …/derivatives: a model's largest direct derivatives by all-time downloads, then 30-day downloads, likes. */
export function listDerivativesOrThrow(
  repoId: string,
  limit: number,
  relation?: Relation,
): Promise<DerivativeList> {
  return cached(`derivatives:${repoId}:${limit}:${relation ?? ''}`, async () => {
    const model = await getModelOrThrow(repoId);
    const prisma = await getDb();
    const rel = relation ?? null;
    const [rows, [count]] = await Promise.all([
      prisma.$queryRaw<Row[]>`
        SELECT c."repoId", e.relation::text AS relation, c."createdAt", c."downloads30d", c."downloadsAllTime", c.likes,
          (SELECT count(*)::int FROM "LineageEdge" g WHERE g."parentId" = c.id) AS children
        FROM "LineageEdge" e JOIN "HubModel" c ON c.id = e."childId"
        WHERE e."parentId" = ${model.id} AND (${rel}::text IS NULL OR e.relation::text = ${rel}::text)
        ORDER BY c."downloadsAllTime" DESC NULLS LAST, c."downloads30d" DESC NULLS LAST, c.likes DESC NULLS LAST, c."repoId"
        LIMIT ${limit}`,
      prisma.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total FROM "LineageEdge" e
        WHERE e."parentId" = ${model.id} AND (${rel}::text IS NULL OR e.relation::text = ${rel}::text)`,
    ]);
    return {
      items: rows.map((r) => ({
        repoId: r.repoId,
        relation: r.relation,
        createdAt: toIso(r.createdAt),
        downloads30d: num(r.downloads30d),
        downloadsAllTime: num(r.downloadsAllTime),
        likes: r.likes,
        children: r.children,
      })),
      total: count?.total ?? 0,
    };
  });
}
