// npm run db:diff -- --name <name> – writes the next migration (prisma/migrations/<timestamp>_<name>)
// from the difference between the migrations folder and prisma/schema.prisma, without Prisma's
// native engine. `--check` writes nothing and fails when schema and migrations disagree (CI).
// `--schema <path>` diffs another schema file or folder instead.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATIONS_DIR } from '@/lib/migrations/apply.ts';
import {
  diffMigrationsToSchema,
  renderMigrationScript,
  SCHEMA_PATH,
  writeMigration,
} from '@/lib/migrations/diff.ts';

const usage =
  'Usage: npm run db:diff -- --name <migration_name> [--schema <path>] [--migrations <dir>]\n       npm run db:diff -- --check [--schema <path>] [--migrations <dir>]';

let values: { name?: string; check?: boolean; schema?: string; migrations?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      name: { type: 'string', short: 'n' },
      check: { type: 'boolean' },
      schema: { type: 'string' },
      migrations: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.check && !values.name) {
  console.error(`--name is required (or --check).\n${usage}`);
  process.exit(2);
}

const schemaPath = path.resolve(values.schema ?? SCHEMA_PATH);
const migrationsDir = path.resolve(values.migrations ?? MIGRATIONS_DIR);
const rel = (p: string) => {
  const relative = path.relative(process.cwd(), p);
  return relative.startsWith('..') ? p : relative || '.';
};

try {
  const result = await diffMigrationsToSchema({ schemaPath, migrationsDir });
  const { empty } = result;
  const script = renderMigrationScript(result);
  if (values.check) {
    if (empty) {
      console.log(`${rel(schemaPath)} and ${rel(migrationsDir)} agree: no pending migration.`);
    } else {
      console.error(
        `${rel(schemaPath)} and ${rel(migrationsDir)} disagree. Create the missing migration with\n` +
          '  npm run db:diff -- --name <migration_name>\nPending SQL:\n',
      );
      console.error(script);
      process.exitCode = 1;
    }
  } else if (empty) {
    console.log(`No changes: ${rel(schemaPath)} already matches ${rel(migrationsDir)}. Nothing written.`);
  } else {
    const folder = writeMigration(script, values.name as string, { migrationsDir });
    console.log(`Wrote ${rel(path.join(migrationsDir, folder, 'migration.sql'))}`);
    for (const warning of result.warnings) console.warn(`  ⚠ ${warning}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
