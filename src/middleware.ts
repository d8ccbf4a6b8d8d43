import { defineMiddleware, sequence } from 'astro:middleware';
import { searchShell } from './features/search/shell.server';
import { localeFromPath } from './i18n/routes';
import { negotiateLocale } from './i18n/negotiate';
import { getT } from './i18n/strings';
import { SECURITY_HEADERS } from './lib/security-headers';
import { LOCALE_INFO, isLocale, DEFAULT_LOCALE } from './i18n/locales';
import { isolateNumbersInHtml } from './lib/bidi';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * The cross-site check for anything that changes state (in place of Astro's `checkOrigin`,
 * which answers a body without Content-Type with 403 where our API documents 415): refused when
 * the browser says it comes from another site (`Origin`, `Sec-Fetch-Site`), and a form-like body
 * (what a plain HTML form on another site can send) also when it names no origin at all.
 */
export function isCrossSite(request: Request, origin: string): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const from = request.headers.get('origin');
  if ((from !== null && from !== origin) || request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  return from === null && FORM_TYPES.some((t) => type.includes(t));
}

const main = defineMiddleware(async (context, next) => {
  // The locale of a page is its first path segment. Outside a locale (the 404 page for `/xyz`,
  // for instance) the visitor's browser languages decide; prerendered pages have no headers.
  const fromPath = localeFromPath(context.url.pathname);
  const locale =
    fromPath ?? (context.isPrerendered ? DEFAULT_LOCALE : negotiateLocale(context.request.headers.get('accept-language')));
  context.locals.locale = locale;
  context.locals.t = getT(locale);
  context.locals.tn = (ns) => getT(locale, ns);

  let response: Response;
  if (!context.isPrerendered && isCrossSite(context.request, context.url.origin)) {
    // An API call names its language with `?lang=` (docs/referral-api.md), a page with its path.
    const api = context.url.pathname.startsWith('/api/');
    const lang = context.url.searchParams.get('lang');
    const message = getT(api && isLocale(lang) ? lang : locale, 'referral')('api.crossSite');
    response = api
      ? Response.json({ error: 'cross-site', message }, { status: 403 })
      : new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else {
    response = await next();
  }
  // In a right-to-left page every number is isolated left-to-right, whatever wrote it (see lib/bidi).
  if (
    LOCALE_INFO[locale].dir === 'rtl' &&
    response.body &&
    response.status !== 204 &&
    response.status !== 304 &&
    response.headers.get('content-type')?.startsWith('text/html')
  ) {
    response = await isolateNumbers(response);
  }
  if (context.isPrerendered) return response; // their headers come from dist/_headers.json
  // Some responses (Response.redirect, fetch results) have immutable headers: copy them.
  const out = new Response(response.body, response);
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) {
    if (!out.headers.has(key)) out.headers.set(key, value);
  }
  // No visitor is ever given a cookie, whatever a future route might try.
  out.headers.delete('set-cookie');
  return out;
});

async function isolateNumbers(response: Response): Promise<Response> {
  const html = isolateNumbersInHtml(await response.text());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

// The site search answers inside main's headers and locale (src/features/search/shell.server.ts).
export const onRequest = sequence(main, searchShell);
