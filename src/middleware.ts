import { defineMiddleware, sequence } from 'astro:middleware';
import { searchShell } from './features/search/shell.server';
import { localeFromPath } from './i18n/routes';
import { negotiateLocale } from './i18n/negotiate';
import { getT } from './i18n/strings';
import { SECURITY_HEADERS } from './lib/security-headers';
import { LOCALE_INFO, DEFAULT_LOCALE } from './i18n/locales';
import { isolateNumbersInHtml } from './lib/bidi';
import { SITE_ORIGINS, isCrossSite } from './lib/cross-site';
import { apiLocale, crossSiteAnswer, toResponse } from './features/referral/api-answer';

const main = defineMiddleware(async (context, next) => {
  // The locale of a page is its first path segment. Outside a locale (the 404 page for `/xyz`,
  // for instance) the visitor's browser languages decide; prerendered pages have no headers.
  const fromPath = localeFromPath(context.url.pathname);
  const locale =
    fromPath ??
    (context.isPrerendered ? DEFAULT_LOCALE : negotiateLocale(context.request.headers.get('accept-language')));
  context.locals.locale = locale;
  context.locals.t = getT(locale);
  context.locals.tn = (ns) => getT(locale, ns);

  let response: Response;
  if (!context.isPrerendered && isCrossSite(context.request, [context.url.origin, ...SITE_ORIGINS])) {
    // An API call names its language with `?lang=` (docs/referral-api.md), a page with its path.
    if (context.url.pathname.startsWith('/api/')) {
      response = toResponse(
        crossSiteAnswer(
          apiLocale(context.url.searchParams.get('lang'), context.request.headers.get('accept-language')),
        ),
      );
    } else {
      const message = getT(locale, 'referral')('api.crossSite');
      response = new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
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
