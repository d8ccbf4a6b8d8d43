import type { TFunction } from 'i18next';
import { LOCALE_INFO, type Locale } from '../../i18n/locales.ts';
import { localizedPath } from '../../i18n/routes.ts';
import { escapeMarkup as e } from '../../lib/escape.ts';
import { MAX_QUERY, type Hit, type ParsedQuery, type Part } from './search.ts';

/**
 * The search page's own part (form, messages, helplines, results) as HTML, every text escaped
 * here: written as a string so the server can put it into the page's cached frame quickly
 * (see shell.server.ts). Pure: the caller passes the results and the strings.
 */

export interface Helpline {
  id: string;
  number: string;
  tel: string;
  label: Record<Locale, string>;
  note: Record<Locale, string>;
}

export interface SearchOutcome {
  hits: Hit[];
  total: number;
  dutch: { hits: Hit[]; total: number } | null;
  crisis: boolean;
}

export interface BodyInput {
  locale: Locale;
  /** `common` strings, and the `search` namespace. */
  t: TFunction;
  ts: TFunction;
  parsed: ParsedQuery;
  /** The words to put back in the field (the first 200 characters of an over-long query). */
  shown: string;
  result: SearchOutcome | null;
  page: number;
  perPage: number;
  helplines: Helpline[];
}

const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${e(v!)}"`)
    .join('');

const parts = (ps: Part[]) => ps.map((p) => (p.mark ? `<mark>${e(p.text)}</mark>` : e(p.text))).join('');

export function searchBody(input: BodyInput): string {
  const { locale, t, ts, parsed, shown, result, page, perPage, helplines } = input;
  const action = `${localizedPath(locale)}search/`;
  const info = LOCALE_INFO[locale];
  const out: string[] = [];
  const tooLong = parsed.kind === 'tooLong';

  out.push(
    `<form method="get"${attrs({ action, 'aria-label': ts('label') })} role="search" class="mb-2 flex flex-wrap items-end gap-2" data-search-page>`,
    `<div class="flex min-w-0 flex-1 flex-col"><label for="search-q" class="mb-1 font-semibold">${e(ts('label'))}</label>`,
    `<input id="search-q" type="search" name="q"${attrs({ value: shown })} autocomplete="off" enterkeyhint="search" dir="auto"`,
    attrs({
      'aria-describedby': tooLong ? 'search-error search-privacy' : 'search-privacy',
      'aria-invalid': tooLong ? 'true' : undefined,
    }),
    ` class="w-full rounded border-2 border-slate-700 bg-white px-3 py-2 text-lg"></div>`,
    `<button type="submit" class="rounded bg-brand-dark px-4 py-2 text-lg font-semibold text-white">${e(ts('button'))}</button></form>`,
    `<p id="search-privacy" class="mb-6 text-sm text-slate-700">${e(ts('privacy'))} <a${attrs({ href: localizedPath(locale, 'safety') })}>${e(ts('privacyLink'))}</a></p>`,
  );

  if (parsed.kind === 'empty') out.push(`<p data-search-prompt>${e(ts('prompt'))}</p>`);
  if (parsed.kind === 'tooLong') {
    out.push(
      `<p id="search-error" role="alert" class="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900" data-search-error>`,
      e(ts('tooLong', { length: parsed.length, max: MAX_QUERY })),
      `</p>`,
    );
  }
  if (!result) return out.join('');

  if (result.crisis) {
    out.push(
      `<div data-search-crisis><p class="mt-2 text-lg font-bold">${e(ts('crisis'))}</p>`,
      `<section aria-labelledby="helplines-heading" class="my-6 rounded border-2 border-brand bg-brand-soft p-4">`,
      `<h2 id="helplines-heading" class="mb-2 text-lg font-bold">${e(t('helplines.label'))}</h2><ul class="space-y-2">`,
      ...helplines.map(
        (h) =>
          `<li><a${attrs({ href: `tel:${h.tel}`, 'data-helpline': h.id })} class="font-bold"><span dir="ltr">${e(h.number)}</span> ${e(h.label[locale])}</a>: ${e(h.note[locale])}</li>`,
      ),
      `</ul></section></div>`,
    );
  }

  const section = (hit: Hit) => {
    const where = t(`nav.${hit.page}`, { defaultValue: '' });
    const kind = ts(`kind.${hit.kind}`);
    return where && hit.kind !== 'page' ? `${where} · ${kind}` : where || kind;
  };
  // A result in another language than the page (Dutch standing in) says so to screen readers.
  const langOf = (l: Locale) => (l === locale ? {} : { lang: LOCALE_INFO[l].htmlLang, dir: LOCALE_INFO[l].dir });
  const item = (hit: Hit, level: 3 | 4, own: boolean) =>
    `<li${own ? attrs(langOf(hit.lang)) : ''}><h${level} class="text-lg font-bold"><a${attrs({ href: hit.url, 'data-result-url': hit.url })}>${parts(hit.titleParts)}</a></h${level}>` +
    `<p class="text-sm text-slate-700"${attrs(hit.lang === locale ? {} : { lang: info.htmlLang, dir: info.dir })} data-result-section>${e(section(hit))}</p>` +
    `<p class="mt-1" data-result-snippet>${parts(hit.snippet)}</p></li>`;

  out.push(
    `<section aria-labelledby="results-heading"><h2 id="results-heading" class="mb-2 text-2xl font-bold">${e(ts('resultsHeading'))}</h2>`,
  );
  if (result.total > 0) {
    const pages = Math.max(1, Math.ceil(result.total / perPage));
    out.push(
      `<p class="mb-4" data-search-count>${e(ts('count', { count: result.total }))}${pages > 1 ? ` ${e(ts('pageOf', { page, pages }))}` : ''}</p>`,
    );
    out.push(
      `<ol class="space-y-6" data-search-results${attrs({ start: String((page - 1) * perPage + 1) })}>`,
      ...result.hits.map((h) => item(h, 3, true)),
      `</ol>`,
    );
    if (pages > 1) {
      const href = (p: number) => `${action}?q=${encodeURIComponent(shown)}${p > 1 ? `&p=${p}` : ''}`;
      out.push(`<nav${attrs({ 'aria-label': ts('pagination') })} class="mt-6 flex flex-wrap gap-4">`);
      if (page > 1) out.push(`<a${attrs({ href: href(page - 1) })} rel="prev">${e(ts('previous'))}</a>`);
      if (page < pages) out.push(`<a${attrs({ href: href(page + 1) })} rel="next">${e(ts('next'))}</a>`);
      out.push(`</nav>`);
    }
  } else {
    out.push(`<p class="mb-4 font-semibold" data-search-none>${e(ts('none'))}</p>`);
    if (result.dutch && result.dutch.total > 0) {
      out.push(`<h3 class="mb-2 text-xl font-bold">${e(ts('dutchOffer'))}</h3>`);
      out.push(
        `<ol class="space-y-6" lang="nl" dir="ltr" data-search-dutch>`,
        ...result.dutch.hits.map((h) => item(h, 4, false)),
        `</ol>`,
      );
    } else {
      out.push(`<p>${e(ts('noneAnywhere'))}</p>`);
    }
  }
  out.push(`</section>`);
  return out.join('');
}
