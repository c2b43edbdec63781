/** What every contract call answers: data, never a thrown object, never a stack trace. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path → French message, for errors tied to a form field. */
  fields?: Record<string, string>;
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'NOT_AUTHENTICATED'
  | 'FORBIDDEN'
  | 'SESSION_LOCKED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED'
  | 'CANCELLED'
  | 'INTERNAL'
  | 'TRANSPORT';

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): ApiResult<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});
