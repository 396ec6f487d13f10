/** Fetch helper for the react-query hooks: builds the query string and turns the API's error shape into an Error. */
import type { ErrorBody } from '@/lib/api/errors.ts';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** "/api/models/Qwen/Qwen1.5-0.5B" from "Qwen/Qwen1.5-0.5B" (each segment encoded). */
export function modelApiPath(repoId: string, suffix = ''): string {
  return `/api/models/${repoId.split('/').map(encodeURIComponent).join('/')}${suffix}`;
}

/** Query string of the defined params only: { a: 1, b: undefined } → "?a=1". */
export function queryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function apiFetch<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${path}${queryString(params)}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiRequestError(
      response.status,
      body?.error.code ?? 'internal_error',
      body?.error.message ?? `The request failed (${response.status}).`,
    );
  }
  return (await response.json()) as T;
}

/** A JSON write (POST, PUT) with the admin token; the API's error shape becomes an ApiRequestError. */
export async function apiSend<T>(
  path: string,
  method: 'POST' | 'PUT',
  body: unknown,
  token: string,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (!response.ok) {
    throw new ApiRequestError(
      response.status,
      parsed?.error?.code ?? 'internal_error',
      parsed?.error?.message ?? `The request failed (${response.status}).`,
    );
  }
  return parsed as T;
}
