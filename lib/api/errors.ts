import { ZodError } from 'zod';

/** Every error the API answers with: one shape, one code → status table. */
export type ErrorCode =
  | 'bad_request'
  | 'unprocessable_entity'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal_error';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(message: string): ApiError {
  return new ApiError('not_found', message);
}

/** "horizon: must be at most 36; asof: expected YYYY-MM" — names every offending parameter. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/** Maps anything thrown to the shared error shape, without leaking internals of unexpected errors. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    return Response.json(
      { error: { code: 'bad_request', message: describeZodError(error) } } satisfies ErrorBody,
      {
        status: 400,
      },
    );
  }
  if (error instanceof ApiError) {
    return Response.json({ error: { code: error.code, message: error.message } } satisfies ErrorBody, {
      status: ERROR_STATUS[error.code],
      headers: error.headers,
    });
  }
  console.error(error);
  return Response.json(
    { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } satisfies ErrorBody,
    { status: 500 },
  );
}

/** Wraps a route handler so that every thrown error becomes the shared error shape. */
export function withErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
