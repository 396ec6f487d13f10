// Opens the database (applying pending migrations) when the server starts, not on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('@/lib/db.ts');
  await getDatabase();
}
