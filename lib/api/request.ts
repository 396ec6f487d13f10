// Parsing of route inputs: query string and dynamic path segments, each through its zod schema.
import type { z } from 'zod';

/** Parses the URL's query parameters (the last value wins for repeated keys); throws ZodError → 400. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

/** Awaits Next's params promise and parses it; throws ZodError → 400. */
export async function parseParams<S extends z.ZodType>(
  params: Promise<unknown>,
  schema: S,
): Promise<z.infer<S>> {
  return schema.parse(await params);
}
