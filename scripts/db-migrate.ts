// npm run db:migrate – applies pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase, optionsFromEnv } from '@/lib/db.ts';
import { migrationStatus } from '@/lib/migrations/apply.ts';

const options = optionsFromEnv();
const db = await openDatabase({ ...options, migrate: false });
try {
  const before = await migrationStatus(db.sql);
  const { applyMigrations } = await import('@/lib/migrations/apply.ts');
  await applyMigrations(db.sql);
  console.log(
    `${db.mode} database ${db.location}: ${before.pending.length} migration(s) applied, ${before.applied.length} already there.`,
  );
  for (const name of before.pending) console.log(`  applied ${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
