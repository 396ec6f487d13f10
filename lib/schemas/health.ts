import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ mode: z.enum(['postgres', 'embedded']), location: z.string() }),
  migrations: z.object({ applied: z.array(z.string()), pending: z.array(z.string()) }),
  rows: z.record(z.string(), z.number().int()),
});

export type Health = z.infer<typeof healthSchema>;
