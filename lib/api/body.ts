// Request bodies of admin actions: bounded size, JSON, then the resource's zod schema.
import type { z } from 'zod';
import { ApiError } from '@/lib/api/errors.ts';

/** Largest accepted request body (bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  const tooLarge = () => new ApiError('payload_too_large', `The request body exceeds ${maxBytes} bytes.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  // Count while reading: Content-Length may be absent (chunked) or wrong.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body of at most `maxBytes` and parses it: 413 when larger, 400 when not JSON or not valid. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const text = await readText(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'body: expected a JSON document');
  }
  return schema.parse(value);
}
