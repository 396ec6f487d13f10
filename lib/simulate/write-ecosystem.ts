// Stores a simulated ecosystem in the tables the crawler fills, then derives its series. A new
// simulation replaces the previous one; real (hub, paper) rows are never touched.
import type { Database } from '@/lib/db.ts';
import { type DeriveResult, deriveSeries } from '@/lib/ingest/derive-series.ts';
import type { SimulatedEcosystem } from '@/lib/simulate/ecosystem.ts';

export const SIMULATED_SETTING_KEY = 'source.simulated';

export interface WriteEcosystemResult {
  organisations: number;
  models: number;
  edges: number;
  snapshots: number;
  series: DeriveResult;
}

function utcText(date: Date): string {
  return date.toISOString().replace('Z', '');
}

/** Writes the ecosystem in one transaction (on the driver-level runner, so the SQL derivation joins it). */
export async function writeEcosystem(db: Database, eco: SimulatedEcosystem): Promise<WriteEcosystemResult> {
  const { sql } = db;
  await sql.exec('BEGIN');
  try {
    // Cascades remove the previous simulation's edges, series, fits and snapshots.
    await sql.query(`DELETE FROM "HubModel" WHERE source = 'simulated'`);
    await sql.query(`DELETE FROM "Organisation" WHERE slug LIKE 'sim-org-%'`);

    await sql.query(`INSERT INTO "Organisation" (slug, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      eco.organisations.map((o) => o.slug),
      eco.organisations.map((o) => o.name),
    ]);
    const authorRows = eco.organisations.flatMap((o) =>
      o.authors.map((author) => ({ author, slug: o.slug })),
    );
    await sql.query(
      `INSERT INTO "OrgAuthor" (author, "orgId")
       SELECT a.author, o.id FROM unnest($1::text[], $2::text[]) AS a(author, slug)
       JOIN "Organisation" o ON o.slug = a.slug
       ON CONFLICT (author) DO UPDATE SET "orgId" = EXCLUDED."orgId"`,
      [authorRows.map((a) => a.author), authorRows.map((a) => a.slug)],
    );

    const m = eco.models;
    await sql.query(
      `INSERT INTO "HubModel" ("repoId", author, "createdAt", "isBase", crawled, source, "pipelineTag",
         "libraryName", tags, "downloads30d", "downloadsAllTime", likes)
       SELECT r, a, c, b, true, 'simulated', p, l, ARRAY(SELECT json_array_elements_text(t::json)), d30, dall, lk
       FROM unnest($1::text[], $2::text[], $3::timestamp[], $4::bool[], $5::text[], $6::text[], $7::text[],
                   $8::bigint[], $9::bigint[], $10::int[]) AS x(r, a, c, b, p, l, t, d30, dall, lk)`,
      [
        m.map((x) => x.repoId),
        m.map((x) => x.author),
        m.map((x) => utcText(x.createdAt)),
        m.map((x) => x.isBase),
        m.map((x) => x.pipelineTag),
        m.map((x) => x.libraryName),
        m.map((x) => JSON.stringify(x.tags)),
        m.map((x) => x.downloads30d),
        m.map((x) => x.downloadsAllTime),
        m.map((x) => x.likes),
      ],
    );
    const e = eco.edges;
    await sql.query(
      `INSERT INTO "LineageEdge" ("childId", "parentId", relation, source, "childCreatedAt")
       SELECT c.id, p.id, x.rel::"Relation", 'simulated', x.at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp[]) AS x(child, parent, rel, at)
       JOIN "HubModel" c ON c."repoId" = x.child
       JOIN "HubModel" p ON p."repoId" = x.parent`,
      [
        e.map((x) => x.child),
        e.map((x) => x.parent),
        e.map((x) => x.relation),
        e.map((x) => utcText(x.childCreatedAt)),
      ],
    );
    const s = eco.snapshots;
    await sql.query(
      `INSERT INTO "DownloadSnapshot" ("modelId", day, "downloads30d", "downloadsAllTime", likes)
       SELECT h.id, x.day, x.d30, x.dall, x.lk
       FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[], $5::int[]) AS x(repo, day, d30, dall, lk)
       JOIN "HubModel" h ON h."repoId" = x.repo`,
      [
        s.map((x) => x.repoId),
        s.map((x) => x.day.toISOString().slice(0, 10)),
        s.map((x) => x.downloads30d),
        s.map((x) => x.downloadsAllTime),
        s.map((x) => x.likes),
      ],
    );
    const baseIds = await sql.query<{ id: number }>(
      `SELECT id FROM "HubModel" WHERE source = 'simulated' AND "isBase" ORDER BY id`,
    );
    const series = await deriveSeries(
      db,
      baseIds.map((r) => r.id),
      { now: eco.now },
    );
    const value = {
      generatedAt: new Date().toISOString(),
      now: eco.now.toISOString(),
      ...eco.options,
      models: m.length,
      edges: e.length,
    };
    await sql.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [SIMULATED_SETTING_KEY, JSON.stringify(value)],
    );
    await sql.exec('COMMIT');
    return {
      organisations: eco.organisations.length,
      models: m.length,
      edges: e.length,
      snapshots: s.length,
      series,
    };
  } catch (error) {
    await sql.exec('ROLLBACK');
    throw error;
  }
}
