// GET /api/methods – data sources with their freshness, backtest summary and interval calibration
import { withErrors } from '@/lib/api/errors.ts';
import { getMethods } from '@/lib/data/methods.ts';

export const GET = withErrors(async () => Response.json(await getMethods()));
