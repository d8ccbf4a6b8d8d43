import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../src/i18n/locales.ts';
import { PAGES, type PageSlug } from '../src/i18n/routes.ts';
import { missingKeys, type MissingKey, type Resources } from '../src/i18n/completeness.ts';

/** `missing`: no file, the Dutch text is shown with a notice. */
export type PageState = 'source' | 'unchecked' | 'checked' | 'missing';

export interface TranslationReport {
  pages: Record<PageSlug, Record<Locale, PageState>>;
  missingPages: { locale: Locale; page: PageSlug }[];
  missingKeys: MissingKey[];
}

/** Reads `locales/<lng>/<ns>.json` from disk (for scripts and tests; the site bundles them). */
export function readResources(root: string): Resources {
  const resources: Resources = {};
  for (const locale of readdirSync(join(root, 'locales'))) {
    const dir = join(root, 'locales', locale);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      (resources[locale] ??= {})[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    }
  }
  return resources;
}

/** The translation status recorded in a page's frontmatter (`translation: status: …`). */
export function pageState(markdown: string): PageState {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? '';
  const status = /^translation:\s*\r?\n\s+status:\s*['"]?(\w+)/m.exec(front)?.[1];
  return status === 'source' || status === 'checked' || status === 'unchecked' ? status : 'missing';
}

/** Pages × locales with their state, and every missing page and UI key. */
export function translationReport(root: string): TranslationReport {
  const pages = {} as TranslationReport['pages'];
  const missingPages: TranslationReport['missingPages'] = [];
  for (const page of PAGES) {
    pages[page] = {} as Record<Locale, PageState>;
    for (const locale of LOCALES) {
      const file = join(root, 'content', 'pages', locale, `${page}.md`);
      const state = existsSync(file) ? pageState(readFileSync(file, 'utf8')) : 'missing';
      pages[page][locale] = state;
      if (state === 'missing') missingPages.push({ locale, page });
    }
  }
  return { pages, missingPages, missingKeys: missingKeys(readResources(root), DEFAULT_LOCALE, [...LOCALES]) };
}
