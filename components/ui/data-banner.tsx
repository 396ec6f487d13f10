import { connection } from 'next/server';
import { getMethods } from '@/lib/data/methods.ts';
import { SimulatedBanner } from './simulated-banner.tsx';

/** Site-wide notice when any loaded data source is the simulator (every page, not just model pages). */
export async function DataBanner() {
  // Read at request time only: a build must never open (and lock) the database.
  await connection();
  try {
    const { sources } = await getMethods();
    return (
      <SimulatedBanner
        simulated={sources.some((s) => s.key === 'simulated' || s.details.simulated === true)}
      />
    );
  } catch {
    // The banner must never take a page down; the page itself reports a missing database.
    return null;
  }
}
