import type { MiddlewareHandler } from 'astro';
import { getHelplines } from '../../content/helplines';
import { isLocale, type Locale } from '../../i18n/locales';
import { getT } from '../../i18n/strings';
import { searchBody } from './render';
import { PER_PAGE, siteSearch } from './runtime.server';
import { MAX_QUERY, parseQuery } from './search';

/** Where the page's frame is cut open for the search's own part. */
export const SHELL_MARK = '<!--co3-search-body-->';

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
    parsed.kind === 'ok' ? parsed.q : parsed.kind === 'tooLong' ? [...(raw ?? '').trim()].slice(0, MAX_QUERY).join('') : '';
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

/** Each locale's search page without its own part: no query in it, the same for everyone. */
const shells = new Map<Locale, { html: string; headers: [string, string][] }>();

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
    shell = { html, headers: [...response.headers].filter(([k]) => !['content-length', 'etag', 'last-modified'].includes(k.toLowerCase())) };
    if (!import.meta.env.DEV) shells.set(locale, shell);
  }
  const { status, body } = await answerSearch(context.url, locale);
  const html = shell.html.replace(SHELL_MARK, () => body);
  return new Response(method === 'HEAD' ? null : html, { status, headers: shell.headers });
};
