// Admin actions (start jobs, edit the organisation mapping) need ADMIN_TOKEN; reading stays public.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '@/lib/api/errors.ts';

// Digests have equal length whatever the inputs, so timingSafeEqual never throws nor leaks the length.
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The bearer token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer[ ]+(\S.*)$/i.exec(header.trim()) : null;
  return match ? match[1].trim() : null;
}

/**
 * Throws unless the request carries the admin token: 403 when ADMIN_TOKEN is unset (admin actions
 * disabled), 401 without a token, 403 with a wrong one. The comparison takes constant time.
 */
export function requireAdmin(request: Request, env: Record<string, string | undefined> = process.env): void {
  const expected = env.ADMIN_TOKEN?.trim();
  if (!expected) {
    throw new ApiError('forbidden', 'Admin actions are disabled on this server (ADMIN_TOKEN is not set).');
  }
  const given = bearerToken(request);
  if (!given) {
    throw new ApiError(
      'unauthorized',
      'This action needs the admin token: send "Authorization: Bearer <token>".',
      {
        'WWW-Authenticate': 'Bearer realm="admin"',
      },
    );
  }
  if (!timingSafeEqual(digest(given), digest(expected))) {
    throw new ApiError('forbidden', 'The admin token is not valid.');
  }
}
