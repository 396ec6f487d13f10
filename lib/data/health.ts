import 'server-only';
import { getDatabase } from '@/lib/db.ts';
import { migrationStatus } from '@/lib/migrations/apply.ts';
import type { Health } from '@/lib/schemas/health.ts';

const TABLES = [
  'Organisation',
  'OrgAuthor',
  'HubModel',
  'ModelAlias',
  'LineageEdge',
  'Series',
  'DownloadSnapshot',
  'Fit',
  'Job',
  'Setting',
] as const;

/** Database mode, migrations and row counts; throws when the database cannot be reached. */
export async function getHealth(): Promise<Health> {
  const db = await getDatabase();
  const status = await migrationStatus(db.sql);
  // Table names come from the fixed list above, never from input.
  const union = TABLES.map((t) => `SELECT '${t}' AS name, count(*)::int AS rows FROM "${t}"`).join(
    ' UNION ALL ',
  );
  const counts = await db.sql.query<{ name: string; rows: number }>(union);
  return {
    status: 'ok',
    database: { mode: db.mode, location: db.location },
    migrations: status,
    rows: Object.fromEntries(counts.map((row) => [row.name, row.rows])),
  };
}
