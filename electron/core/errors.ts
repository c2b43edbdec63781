import type { ErrorCode } from '../../shared/contract/result';

/** A refusal the user should read: a French message, a stable code, optionally per field. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const refused = (message: string) => new DomainError('REFUSED', message);
