import type { ApiError } from '../../../shared/contract/result';

/** A form shows field errors next to their fields: the banner is for errors that name no field. */
export const bannerError = (error: ApiError | null): ApiError | null => (error?.fields ? null : error);
