/** First-paint loading helpers for server pages: unknown things become the 404 page, optional panels become null. */
import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/api/errors.ts';

/** Awaits a data function; its not_found error renders the segment's not-found.tsx. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') notFound();
    throw error;
  }
}

/**
 * Awaits data a page can render without (a forecast that cannot be made, a missing series): the client
 * widget then fetches it and shows the API's message in place.
 */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}
