import { getT } from '../../i18n/strings';
import { DuplicateKey, InvalidEncoding, decodeUtf8, isUtf8Charset, mediaType, parseJsonStrict } from '../../lib/body';
import { MAX_REFERRAL_BYTES, TOO_LARGE_HEADERS, isTooLarge, storeFailed } from './http.server';
import { referralService } from './runtime.server';
import { type ApiAnswer, type ApiCall, apiLocale, json } from './api-answer';

export type { ApiAnswer, ApiCall };

/**
 * POST /api/referrals (docs/referral-api.md), without a framework: the guarded server answers it
 * straight from node:http (src/server/entry.ts), and the Astro endpoint (src/pages/api/referrals.ts,
 * `astro dev`) wraps the same function. 202 once the referral is committed; 4xx for anything wrong
 * with the request, with the messages in the language asked (`?lang=` or Accept-Language); 503 when
 * it could not be stored.
 */
export async function answerReferralApi(call: ApiCall): Promise<ApiAnswer> {
  const locale = apiLocale(call.lang, call.headers.get('accept-language'));
  const t = getT(locale, 'referral');

  const { type, charset } = mediaType(call.headers.get('content-type'));
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
  const idempotencyKey = call.headers.get('idempotency-key');
  if (idempotencyKey !== null && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    return json(400, { error: 'invalid-idempotency-key', message: t('api.idempotencyKey') });
  }

  let input: unknown;
  try {
    input = parseJsonStrict(decodeUtf8(await call.body(MAX_REFERRAL_BYTES)));
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
    const result = await referralService().submit(input, { client: call.client, idempotencyKey, locale });
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
}
