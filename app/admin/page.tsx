import type { Metadata } from 'next';
import { AdminView } from '@/components/admin/admin-view.tsx';

export const metadata: Metadata = { title: 'Admin', robots: { index: false } };

export default function AdminPage() {
  return <AdminView />;
}
