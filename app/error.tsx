'use client';

import { useEffect } from 'react';

export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="empty-page" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be drawn. The data may be loading or a service may be down.</p>
      {error.digest && <p className="muted small">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
