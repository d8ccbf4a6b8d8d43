// Every address of the site, as the crawl (tests/e2e/crawl.spec.ts) and `npm run bench` load them.
import { readdirSync } from 'node:fs';
import { LOCALES } from '../src/i18n/locales.ts';
import { PAGES, localizedPath } from '../src/i18n/routes.ts';

/** Every page in every locale: the whole site a visitor can reach. */
export const ALL_ROUTES = LOCALES.flatMap((locale) =>
  PAGES.map((page) => ({ locale, page, path: localizedPath(locale, page) })),
);

/** Campaign slugs, from the Dutch source files. */
export const CAMPAIGNS = readdirSync('content/campaigns/nl').map((f) => f.replace(/\.md$/, ''));

/** Film slugs: the folders of content/videos. */
export const FILMS = readdirSync('content/videos');

/** Pages besides the main ones: the printable facts sheet, campaign pages and film pages. */
export const EXTRA_ROUTES = LOCALES.flatMap((locale) => [
  { locale, path: `/${locale}/press/facts/` },
  ...CAMPAIGNS.map((slug) => ({ locale, path: `/${locale}/campaigns/${slug}/` })),
  ...FILMS.map((slug) => ({ locale, path: `/${locale}/videos/${slug}/` })),
]);

/** The players partner sites put in an iframe: not in the sitemap (noindex), but checked by axe. */
export const EMBED_ROUTES = LOCALES.flatMap((locale) =>
  FILMS.map((slug) => ({ locale, path: `/embed/videos/${slug}/${locale}/` })),
);
