import type { Metadata } from 'next';
import Link from 'next/link';
import { type ReactNode, Suspense } from 'react';
import { DataBanner } from '@/components/ui/data-banner.tsx';
import { Providers } from './providers.tsx';
import './globals.css';

export const metadata: Metadata = {
  // Absolute URLs for Open Graph images in shared links: the public address of the dashboard.
  metadataBase: new URL(process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
  title: { default: 'Model Growth', template: '%s · Model Growth' },
  description:
    'How open-weight AI models are adopted on Hugging Face: derivative growth curves and forecasts.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              Model Growth
            </Link>
            <Link href="/orgs">Organisations</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/parameters">Parameters</Link>
            <Link href="/methods">Methods</Link>
          </nav>
        </header>
        <main id="main">
          <Suspense fallback={null}>
            <DataBanner />
          </Suspense>
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
