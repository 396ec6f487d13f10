import type { Metadata } from 'next';
import { connection } from 'next/server';
import { MethodsView } from '@/components/methods/methods-view.tsx';
import { getMethods } from '@/lib/data/methods.ts';

export const metadata: Metadata = { title: 'Methods' };

export default async function MethodsPage() {
  // Sources and backtests change with every import: render per request, not at build time.
  await connection();
  return <MethodsView data={await getMethods()} />;
}
