import { connection } from 'next/server';
import { getHealth } from '@/lib/data/health.ts';

export default async function HomePage() {
  await connection();
  const health = await getHealth();
  return (
    <section>
      <h1>Model Growth</h1>
      <p>
        Derivative growth of open-weight base models on Hugging Face: {health.rows.HubModel ?? 0} models,{' '}
        {health.rows.Series ?? 0} series, {health.rows.Fit ?? 0} fits in the {health.database.mode} database.
      </p>
    </section>
  );
}
