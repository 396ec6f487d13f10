// Child process for embedded-lock.test.ts: opens the embedded database given on the command line.
import { DatabaseLockedError, openDatabase } from '@/lib/db.ts';

try {
  const db = await openDatabase({ dataDir: process.argv[2] });
  console.log(`organisations=${await db.prisma.organisation.count()}`);
  await db.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof DatabaseLockedError ? 3 : 1);
}
