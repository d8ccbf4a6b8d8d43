import { isLocale, type Locale } from '../../i18n/locales';
import { negotiateLocale } from '../../i18n/negotiate';
import { getT } from '../../i18n/strings';

/**
 * What the referral API (src/features/referral/api.server.ts) and the middleware answer alike, in
 * plain values: the guarded server writes them straight to node:http, Astro wraps them in a Response.
 */

/** What the API reads from a request. `headers.get` takes lower-case names. */
export interface ApiCall {
  headers: { get(name: string): string | null };
  /** `?lang=` of the request's address. */
  lang: string | null;
  /** The client's address as the server trusts it (Astro's `clientAddress`), for the rate limit. */
  client: string;
  /** The body's bytes, refusing more than `limit` (BodyTooLarge). */
  body(limit: number): Promise<Uint8Array>;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/** The language of an API answer: `?lang=` when it names one of the site's, else the browser's. */
export const apiLocale = (lang: string | null, acceptLanguage: string | null): Locale =>
  isLocale(lang) ? lang : negotiateLocale(acceptLanguage);

/** The refusal of a cross-site call (the check is `isCrossSite`, src/lib/cross-site.ts). */
export const crossSiteAnswer = (locale: Locale): ApiAnswer =>
  json(403, { error: 'cross-site', message: getT(locale, 'referral')('api.crossSite') });

/** An answer as a web Response (the Astro endpoint and the middleware). */
export const toResponse = (answer: ApiAnswer) =>
  new Response(answer.body, { status: answer.status, headers: answer.headers });
