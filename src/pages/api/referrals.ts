import type { APIRoute } from 'astro';
import { isLocale, type Locale } from '../../i18n/locales';
import { negotiateLocale } from '../../i18n/negotiate';
import { getT } from '../../i18n/strings';
import { referralService } from '../../features/referral/runtime.server';
import { MAX_REFERRAL_BYTES, TOO_LARGE_HEADERS, isTooLarge, storeFailed } from '../../features/referral/http.server';
import { DuplicateKey, InvalidEncoding, isUtf8Charset, mediaType, parseJsonStrict, readBody } from '../../lib/body';

export const prerender = false;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

/**
 * POST /api/referrals: the same referral as the form, as JSON. See docs/referral-api.md.
 * 202 once the referral is synced to disk; 4xx for anything wrong with the request, with the
 * messages in the language asked (`?lang=` or Accept-Language); 503 if storing failed.
 */
export const POST: APIRoute = async ({ request, url, clientAddress }) => {
  const lang = url.searchParams.get('lang');
  const locale: Locale = isLocale(lang) ? lang : negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale, 'referral');

  // Cross-site requests were refused before this runs (isCrossSite in src/middleware.ts).
  const { type, charset } = mediaType(request.headers.get('content-type'));
  if (type !== 'application/json') {
    return json(
      415,
      { error: 'unsupported-media-type', message: t('api.contentType') },
      { Accept: 'application/json' },
    );
  }
  // JSON is UTF-8 (RFC 8259 §8.1): another charset is refused, not guessed.
  if (!isUtf8Charset(charset)) {
    return json(
      415,
      { error: 'unsupported-charset', message: t('api.charset') },
      { Accept: 'application/json; charset=utf-8' },
    );
  }
  const idempotencyKey = request.headers.get('idempotency-key');
  if (idempotencyKey !== null && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    return json(400, { error: 'invalid-idempotency-key', message: t('api.idempotencyKey') });
  }

  let input: unknown;
  try {
    input = parseJsonStrict(await readBody(request, MAX_REFERRAL_BYTES));
  } catch (error) {
    if (isTooLarge(error)) return json(413, { error: 'too-large', message: t('errors.tooLarge') }, TOO_LARGE_HEADERS);
    if (error instanceof InvalidEncoding)
      return json(400, { error: 'invalid-encoding', message: t('api.invalidEncoding') });
    if (error instanceof DuplicateKey) {
      return json(400, {
        error: 'duplicate-key',
        field: error.key,
        message: t('api.duplicateKey', { field: error.key }),
      });
    }
    return json(400, { error: 'invalid-json', message: t('api.invalidJson') });
  }

  try {
    const result = await referralService().submit(input, { client: clientAddress, idempotencyKey, locale });
    if (result.kind === 'accepted') {
      return json(202, { reference: result.reference, outcome: result.outcome, urgent: result.urgent });
    }
    if (result.kind === 'key-reused') {
      return json(422, { error: 'idempotency-key-reused', message: t('api.idempotencyKeyReused') });
    }
    if (result.kind === 'key-unreadable') {
      return json(409, { error: 'idempotency-key-unreadable', message: t('api.idempotencyKeyUnreadable') });
    }
    if (result.kind === 'rate-limited') {
      return json(
        429,
        {
          error: 'rate-limited',
          message: t('errors.rateLimited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
        },
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    }
    return json(400, {
      error: 'invalid',
      message: t('errors.summaryTitle'),
      errors: result.errors.map((e) => ({ ...e, message: t(`errors.${e.code}`, { max: e.max }) })),
    });
  } catch (error) {
    const failed = storeFailed('api referrals', error);
    return json(failed.status, { error: 'unavailable', message: t('errors.unavailable') }, failed.headers);
  }
};

/** Anything but POST on this address. */
export const ALL: APIRoute = () => json(405, { error: 'method-not-allowed' }, { Allow: 'POST' });
