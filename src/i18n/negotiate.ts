import { DEFAULT_LOCALE, type Locale } from './locales.ts';

/**
 * Language tags (primary subtag, lower case) that map to a portal locale.
 * Berber has two tags in use: the collective `ber` and Tarifit's own `rif`.
 */
const PRIMARY_TO_LOCALE: Record<string, Locale> = {
  nl: 'nl',
  ar: 'ar',
  ber: 'ber',
  rif: 'ber',
  en: 'en',
  fr: 'fr',
  de: 'de',
};

interface Weighted {
  tag: string;
  q: number;
  order: number;
}

/** Parses an Accept-Language header into tags sorted by quality (stable for equal q). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const items: Weighted[] = [];
  // A header longer than this is not a browser's; do not spend time on it.
  const parts = header.slice(0, 2000).split(',');
  parts.forEach((part, order) => {
    const [rawTag = '', ...params] = part.trim().split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(param);
      if (m?.[1] !== undefined) q = Number(m[1]);
    }
    if (q > 0) items.push({ tag, q, order });
  });
  return items.sort((a, b) => b.q - a.q || a.order - b.order).map((i) => i.tag);
}

/**
 * Picks the portal locale for an Accept-Language header: the first acceptable tag whose
 * primary subtag is a portal language, regional variants included; otherwise Dutch.
 * @example negotiateLocale('fr-BE,fr;q=0.9,en;q=0.8') // => 'fr'
 * @example negotiateLocale('es-ES') // => 'nl'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  for (const tag of parseAcceptLanguage(header)) {
    const primary = tag.split('-')[0] ?? '';
    const locale = PRIMARY_TO_LOCALE[primary];
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
