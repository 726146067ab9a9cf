import { ApiError } from '../api/ApiError';

/** A failed read is asked again at most this many times. */
const RETRIES = 2;

/**
 * Whether asking again may help: the network failed or the server answered 5xx. Never a 4xx (the same
 * request gets the same answer), an answer we could not read, or Salesforce's daily limit.
 */
export function worthRetrying(failureCount: number, error: unknown): boolean {
  if (failureCount >= RETRIES || !(error instanceof ApiError)) return false;
  if (error.code === 'salesforce_limit_reached') return false;
  return error.status === 0 || error.status >= 500;
}

/** 1 s, then 2 s. */
export const retryDelay = (failureCount: number) => 1000 * 2 ** failureCount;
