// GET /api/health – database mode, migrations applied, row counts per table
import { ApiError, withErrors } from '@/lib/api/errors.ts';
import { getHealth } from '@/lib/data/health.ts';

export const GET = withErrors(async () => {
  try {
    return Response.json(await getHealth());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError('unavailable', `The database cannot be reached: ${reason}`);
  }
});
