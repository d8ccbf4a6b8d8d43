import type { Locale } from '../../i18n/locales.ts';

export type DocKind = 'page' | 'faq' | 'news' | 'campaign' | 'film' | 'chapter' | 'centre' | 'fact';

/** One thing the search can find. */
export interface SearchDoc {
  id: number;
  kind: DocKind;
  /** The page it is on or under (a page slug), for the section shown with the result. */
  page: string;
  /** Site-relative address, in the locale searched. */
  url: string;
  title: string;
  /** The text searched and quoted in the snippet. */
  text: string;
  /** Language of title and text: the locale's, or Dutch where the locale has no translation. */
  lang: Locale;
}
