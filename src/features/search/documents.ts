import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import type { DocKind, SearchDoc } from './types.ts';

/**
 * What the search finds, read straight from `content/` at build time (the Vite plugin in
 * `plugin.ts`; the tests and benchmarks call it too): every page and its FAQ, news item,
 * campaign, film (title, summary, chapters, transcript), centre and press figure, per locale.
 * Whatever exists when the build runs is indexed; nothing is listed by hand. A text missing in
 * a locale is indexed in Dutch under that locale's address, because that is what the page shows.
 */
export function searchDocuments(contentDir = 'content'): Record<Locale, SearchDoc[]> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, [] as SearchDoc[]])) as Record<Locale, SearchDoc[]>;
  for (const locale of LOCALES) {
    const docs = out[locale];
    const push = (d: Omit<SearchDoc, 'id'>) => docs.push({ id: docs.length, ...d });

    // Pages, and their FAQ as one result per question (question and answer).
    for (const { slug, data, body, lang } of markdownIn(contentDir, 'pages', locale)) {
      const url = slug === 'home' ? `/${locale}/` : `/${locale}/${slug}/`;
      // A family topic is found under its section, the families page.
      const section = slug.split('/')[0]!;
      push({
        kind: 'page',
        page: section,
        url,
        title: str(data['title']),
        text: join2(str(data['description']), plainText(body)),
        lang,
      });
      const faq = Array.isArray(data['faq']) ? (data['faq'] as { q?: unknown; a?: unknown }[]) : [];
      for (const [i, item] of faq.entries()) {
        push({ kind: 'faq', page: section, url: `${url}#faq-${i + 1}`, title: str(item.q), text: str(item.a), lang });
      }
    }
    // News items live on the press page, each with an anchor.
    for (const { slug, data, body, lang } of markdownIn(contentDir, 'news', locale)) {
      push({
        kind: 'news',
        page: 'press',
        url: `/${locale}/press/#news-${slug}`,
        title: str(data['title']),
        text: join2(str(data['summary']), plainText(body)),
        lang,
      });
    }
    for (const { slug, data, body, lang } of markdownIn(contentDir, 'campaigns', locale)) {
      push({
        kind: 'campaign',
        page: 'press',
        url: `/${locale}/campaigns/${slug}/`,
        title: str(data['title']),
        text: join2(str(data['description']), plainText(body)),
        lang,
      });
    }
    // Films: one result for the film (title, summary, transcript), one per chapter (#t= seeks).
    const videos = join(contentDir, 'videos');
    for (const slug of dirs(videos)) {
      const meta = join(videos, slug, 'video.yaml');
      if (!existsSync(meta)) continue;
      const film = parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
      const text = (v: unknown) => str((v as Record<string, unknown> | undefined)?.[locale]);
      const transcriptPath = join(videos, slug, `transcript.${locale}.txt`);
      const transcript = existsSync(transcriptPath) ? readFileSync(transcriptPath, 'utf8') : '';
      const url = `/${locale}/videos/${slug}/`;
      const title = text(film['title']);
      push({
        kind: 'film',
        page: 'videos',
        url,
        title,
        text: join2(text(film['summary']), transcript.replace(/\s+/g, ' ').trim()),
        lang: locale,
      });
      const chapters = Array.isArray(film['chapters'])
        ? (film['chapters'] as { start?: unknown; title?: unknown }[])
        : [];
      for (const c of chapters) {
        const start = Number(c.start) || 0;
        push({
          kind: 'chapter',
          page: 'videos',
          url: `${url}#t=${start}`,
          title: text(c.title),
          text: title,
          lang: locale,
        });
      }
    }
    // Centres: the locator answers for the centre's city.
    for (const c of jsonArray(join(contentDir, 'centres.json'))) {
      const name = str((c['name'] as Record<string, unknown> | undefined)?.[locale]);
      const city = str(c['city']);
      const localized = (k: string) => str((c[k] as Record<string, unknown> | undefined)?.[locale]);
      push({
        kind: 'centre',
        page: 'centres',
        url: `/${locale}/centres/?q=${encodeURIComponent(city)}`,
        title: name,
        text: [city, str(c['formerName']), localized('region'), localized('notes'), str(c['address'])]
          .filter(Boolean)
          .join(' · '),
        lang: locale,
      });
    }
    // Press figures ("the 2011 figures"): each with its source and year, on the facts sheet.
    for (const f of jsonArray(join(contentDir, 'facts.json'))) {
      const label = str((f['label'] as Record<string, unknown> | undefined)?.[locale]);
      const value = f['value'] as { kind?: string; n?: number; text?: string } | undefined;
      const shown = value?.kind === 'text' ? str(value.text) : value?.n !== undefined ? String(value.n) : '';
      push({
        kind: 'fact',
        page: 'press',
        url: `/${locale}/press/facts/`,
        title: shown ? `${shown} ${label}` : label,
        text: [str(f['source']), str(f['year'])].filter(Boolean).join(' · '),
        lang: locale,
      });
    }
  }
  return out;
}

interface Markdown {
  slug: string;
  data: Record<string, unknown>;
  body: string;
  /** The language the text is in: the locale's, or Dutch where it has none. */
  lang: Locale;
}

/** `content/<kind>/<locale>/*.md`, with the Dutch file standing in for a missing one. */
function markdownIn(contentDir: string, kind: string, locale: Locale): Markdown[] {
  const base = join(contentDir, kind);
  // Slugs may hold a folder: the family topics are pages/<l>/families/<topic>.md.
  const slugsIn = (l: Locale, sub = ''): string[] => {
    const dir = join(base, l, sub);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? slugsIn(l, `${sub}${e.name}/`) : e.name.endsWith('.md') ? [`${sub}${e.name.slice(0, -3)}`] : [],
    );
  };
  const own = new Set(slugsIn(locale));
  const slugs = [...new Set([...slugsIn(DEFAULT_LOCALE), ...own])].sort();
  return slugs.map((slug) => {
    const lang = own.has(slug) ? locale : DEFAULT_LOCALE;
    const { data, body } = frontmatter(readFileSync(join(base, lang, `${slug}.md`), 'utf8'));
    return { slug, data, body, lang };
  });
}

function frontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) return { data: {}, body: source };
  return { data: (parse(m[1] ?? '') as Record<string, unknown>) ?? {}, body: m[2] ?? '' };
}

/**
 * Markdown to the text a reader sees: no markup, links reduced to their text, one space
 * between blocks (a heading and its paragraph stay apart).
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, ' ')
    .replace(/[*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const join2 = (a: string, b: string) => [a, b].filter(Boolean).join(' ');
const dirs = (p: string) =>
  existsSync(p)
    ? readdirSync(p)
        .filter((f) => statSync(join(p, f)).isDirectory())
        .sort()
    : [];
function jsonArray(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return Array.isArray(data) ? (data as Record<string, unknown>[]) : [];
}

export type { DocKind, SearchDoc };
