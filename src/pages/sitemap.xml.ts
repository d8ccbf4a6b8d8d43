import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { LOCALES, LOCALE_INFO, DEFAULT_LOCALE } from '../i18n/locales';
import { escapeMarkup } from '../lib/escape';
import { PAGES, alternates, localizedPath, xDefaultPath } from '../i18n/routes';

// Every page in every locale, each with its hreflang alternates (sitemaps.org + xhtml:link).

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const abs = (p: string) => escapeMarkup(new URL(p, base).href);
  const campaigns = [...new Set((await getCollection('campaigns')).map((c) => c.id.split('/')[1]))];
  const films = (await getCollection('videos')).map((f) => f.id);
  const paths = [
    ...PAGES.map((p) => localizedPath(DEFAULT_LOCALE, p)),
    '/nl/press/facts/',
    ...campaigns.map((slug) => `/nl/campaigns/${slug}/`),
    ...films.map((slug) => `/nl/videos/${slug}/`),
  ];
  const urls = paths.flatMap((nlPath) =>
    LOCALES.map((locale) => {
      const links = alternates(nlPath)
        .map((a) => `<xhtml:link rel="alternate" hreflang="${LOCALE_INFO[a.locale].htmlLang}" href="${abs(a.path)}"/>`)
        .join('');
      const self = alternates(nlPath).find((a) => a.locale === locale)!.path;
      return `<url><loc>${abs(self)}</loc>${links}<xhtml:link rel="alternate" hreflang="x-default" href="${abs(xDefaultPath(nlPath))}"/></url>`;
    }),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
