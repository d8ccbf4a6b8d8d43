import { defineMiddleware, sequence } from 'astro:middleware';
import { searchShell } from './features/search/shell.server';
import { localeFromPath } from './i18n/routes';
import { negotiateLocale } from './i18n/negotiate';
import { getT } from './i18n/strings';
import { SECURITY_HEADERS } from './lib/security-headers';

const main = defineMiddleware(async (context, next) => {
  // The locale of a page is its first path segment. Outside a locale (the 404 page for `/xyz`,
  // for instance) the visitor's browser languages decide; prerendered pages have no headers.
  const fromPath = localeFromPath(context.url.pathname);
  const locale =
    fromPath ?? (context.isPrerendered ? 'nl' : negotiateLocale(context.request.headers.get('accept-language')));
  context.locals.locale = locale;
  context.locals.t = getT(locale);

  const response = await next();
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

// The site search answers inside main's headers and locale (src/features/search/shell.server.ts).
export const onRequest = sequence(main, searchShell);
