import type { MiddlewareHandler } from 'astro';
import { getHelplines } from '../../content/helplines';
import { LOCALE_INFO, isLocale, type Locale } from '../../i18n/locales';
import { isolateNumbersInHtml } from '../../lib/bidi';
import { getT } from '../../i18n/strings';
import { searchBody } from './render';
import { PER_PAGE, siteSearch } from './runtime.server';
import { MAX_QUERY, parseQuery } from './search';
import { QUERY_MARK, SHELL_MARK } from './shell-marks';

export { SHELL_MARK };

/** The frame with this request's part and query in it. */
function fill(frame: string, body: string, url: URL): string {
  const q = url.searchParams.get('q');
  // URLSearchParams percent-encodes all but [A-Za-z0-9*._-]: safe inside an attribute.
  const query = q ? `?${new URLSearchParams({ q }).toString()}` : '';
  return frame.replace(SHELL_MARK, () => body).replaceAll(QUERY_MARK, () => query);
}

/**
 * The search page for a request: status and the HTML of its own part. Shared by the page
 * (`src/pages/[lang]/search.astro`) and the fast path below, so both answer alike.
 */
export async function answerSearch(url: URL, locale: Locale): Promise<{ status: number; body: string }> {
  const raw = url.searchParams.get('q');
  const parsed = parseQuery(raw);
  const pageParam = Number.parseInt(url.searchParams.get('p') ?? '1', 10);
  let page = Number.isFinite(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
  let result = null;
  if (parsed.kind === 'ok') {
    result = siteSearch(locale, parsed.q, page);
    const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
    if (page > pages) {
      page = pages;
      result = siteSearch(locale, parsed.q, page);
    }
  }
  const shown =
    parsed.kind === 'ok'
      ? parsed.q
      : parsed.kind === 'tooLong'
        ? [...(raw ?? '').trim()].slice(0, MAX_QUERY).join('')
        : '';
  const body = searchBody({
    locale,
    t: getT(locale),
    ts: getT(locale, 'search'),
    parsed,
    shown,
    result,
    page,
    perPage: PER_PAGE,
    helplines: result?.crisis ? await getHelplines() : [],
  });
  return { status: parsed.kind === 'tooLong' ? 400 : 200, body };
}

interface Shell {
  html: string;
  headers: [string, string][];
  /** The frame with its numbers isolated, for right-to-left locales (made on first use). */
  isolated?: string;
}

/**
 * Each locale's search page without its own part: no query in it, the same for everyone. Kept
 * on `globalThis`, so the server entry (src/server/entry.ts) and the middleware share one copy
 * whichever chunk the bundler puts each in.
 */
const SHELLS = Symbol.for('co3.search.shells');
const shells: Map<Locale, Shell> =
  ((globalThis as Record<symbol, unknown>)[SHELLS] as Map<Locale, Shell> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[SHELLS] = new Map<Locale, Shell>());

/** `/<l>/search/` (exactly, as the guard has made it canonical): its locale, else null. */
export function searchLocale(pathname: string): Locale | null {
  const m = /^\/([^/]+)\/search\/$/.exec(pathname);
  return m && isLocale(m[1]) ? m[1] : null;
}

/**
 * The fast path, for the guarded server: a search answered in the kept frame without Astro's
 * pipeline (which alone costs as much as the search page itself), once the frame of that
 * locale has been rendered by a first request through the page. Null when it has not: the
 * request then goes the long way, which keeps the frame. The answer is what the long way gives,
 * byte for byte: the middleware's number isolation in right-to-left pages included
 * (tests/integration/search-privacy.test.ts compares them).
 */
export async function fastSearch(
  pathname: string,
  query: string,
): Promise<{ status: number; headers: [string, string][]; html: string } | null> {
  const locale = searchLocale(pathname);
  const shell = locale ? shells.get(locale) : undefined;
  if (!locale || !shell) return null;
  const url = new URL(`${pathname}${query}`, 'http://localhost');
  const { status, body } = await answerSearch(url, locale);
  if (LOCALE_INFO[locale].dir !== 'rtl') return { status, headers: shell.headers, html: fill(shell.html, body, url) };
  shell.isolated ??= isolateNumbersInHtml(shell.html);
  return { status, headers: shell.headers, html: fill(shell.isolated, isolateNumbersInHtml(body), url) };
}

/**
 * Middleware: answers `GET /<l>/search/` by putting the results into the page's frame (head,
 * helpline strip, header, footer), rendered once per locale by the page itself and kept. The
 * frame holds nothing of any query; the results are never kept. Rendering the whole page per
 * search costs several times more than the search itself.
 */
export const searchShell: MiddlewareHandler = async (context, next) => {
  const m = /^\/([^/]+)\/search\/?$/.exec(context.url.pathname);
  const method = context.request.method;
  if (!m || !isLocale(m[1]) || (method !== 'GET' && method !== 'HEAD')) return next();
  const locale = m[1];
  let shell = shells.get(locale);
  if (!shell) {
    context.locals.searchShell = true;
    const response = await next();
    context.locals.searchShell = false;
    const html = await response.text();
    if (response.status !== 200 || !html.includes(SHELL_MARK)) return new Response(html, response);
    // Headers that describe this one body are not the frame's.
    shell = {
      html,
      headers: [...response.headers].filter(
        ([k]) => !['content-length', 'etag', 'last-modified'].includes(k.toLowerCase()),
      ),
    };
    if (!import.meta.env.DEV) shells.set(locale, shell);
  }
  const { status, body } = await answerSearch(context.url, locale);
  const html = fill(shell.html, body, context.url);
  return new Response(method === 'HEAD' ? null : html, { status, headers: shell.headers });
};
