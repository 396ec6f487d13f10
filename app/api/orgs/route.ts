// GET /api/orgs – organisations with their authors, base models, derivatives and median λ
import { withErrors } from '@/lib/api/errors.ts';
import { listOrgs } from '@/lib/data/orgs.ts';

export const GET = withErrors(async () => Response.json(await listOrgs()));
