import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNews, newsFeed } from '../../../content/news';
import { LOCALES, LOCALE_INFO, type Locale } from '../../../i18n/locales';
import { getT } from '../../../i18n/strings';

// One feed per language: the news items as listed on that language's press page.
export const getStaticPaths = (() => LOCALES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const locale = params['lang'] as Locale;
  const t = getT(locale);
  const base = site ?? new URL('http://localhost:4321');
  const items = await getNews(locale);
  return rss({
    title: newsFeed(locale, t).title,
    description: t('site.tagline'),
    site: new URL(`/${locale}/press/`, base).href,
    customData: `<language>${LOCALE_INFO[locale].htmlLang}</language>`,
    items: items.map((item) => ({
      title: item.title,
      pubDate: item.date,
      description: item.summary,
      link: new URL(`/${locale}/press/#news-${item.slug}`, base).href,
    })),
  });
};
