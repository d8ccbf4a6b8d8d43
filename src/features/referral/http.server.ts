import { BodyTooLarge } from '../../lib/body.ts';

/**
 * What the form page (`/[lang]/referral/`) and the API (`/api/referrals`) answer alike: one
 * body limit, one "too large" test, one answer when a referral cannot be stored.
 */

/** The largest referral body accepted, form or JSON (the full schema at its limits is about 12 KB). */
export const MAX_REFERRAL_BYTES = 64 * 1024;

/** The body was larger than the limit (ours, or the adapter's own). */
export const isTooLarge = (error: unknown): boolean =>
  error instanceof BodyTooLarge || (error as Error | null)?.name === 'BodySizeLimitError';

/** An unread rest of the body leaves the connection unusable for another request. */
export const TOO_LARGE_HEADERS = { Connection: 'close' } as const;

/**
 * Storing failed (disk full, database locked): nothing was accepted. Logs the error's name only
 * (never content) and gives the 503's status and headers; the caller says it in the visitor's language.
 */
export function storeFailed(where: string, error: unknown): { status: 503; headers: Record<string, string> } {
  console.error(`${where}: store failed (${(error as Error).name})`);
  return { status: 503, headers: { 'Retry-After': '30' } };
}
