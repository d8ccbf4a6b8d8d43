/**
 * One term for one thing in each language: `content/glossary/<locale>.json` names, per concept,
 * the term the portal uses and the variants it must not use. `glossaryViolations` reads every text
 * of a locale (UI strings, pages, news, campaigns, film titles, captions and transcripts, the
 * locale's lines in content/*.json) and names each forbidden variant with file, line and the term
 * to use instead. `node scripts/glossary.ts` prints them (exit 1 if any); tests/unit/glossary.test.ts
 * fails on them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { pageAddressSchema } from '../src/content/address.ts';
import { LOCALES, type Locale } from '../src/i18n/locales.ts';

const entrySchema = z.object({
  concept: z.string().min(1),
  term: z.string().min(1),
  /** Plain words or phrases: matched whole-word (or anywhere with `match: "substring"`), any case. */
  forbidden: z.array(z.string().min(1)).default([]),
  /** Regular expressions (Unicode, case-sensitive), for word families such as German "du/dich/dein". */
  patterns: z.array(z.string().min(1)).default([]),
  /** Arabic clitics (و، ب، ل) join the next word, so Arabic variants are matched inside words. */
  match: z.enum(['word', 'substring']).default('word'),
  /** A variant in brackets is a gloss of the term ("abrid n ssensla (ketenaanpak)"), not a use. */
  allowInParentheses: z.boolean().default(false),
  /**
   * `"formal"`: the entry enforces the formal address (fr vous, de Sie). A page that declares
   * `address: { form: informal, why: … }` in its front matter (a page written for children) is
   * exempt from such entries, and from no other.
   */
  address: z.literal('formal').optional(),
  why: z.string().min(1),
});
export const glossarySchema = z.object({
  locale: z.enum(LOCALES),
  review: z.string().min(1),
  sources: z.array(z.string()).optional(),
  terms: z.array(entrySchema).min(1),
  /** A name that each page naming it must explain once: `gloss` is "Name (explanation)". */
  glosses: z
    .array(z.object({ name: z.string().min(1), gloss: z.string().regex(/\(.+\)$/), why: z.string().min(1) }))
    .default([]),
});
export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryEntry = Glossary['terms'][number];

export interface Violation {
  file: string;
  line: number;
  found: string;
  term: string;
  concept: string;
  /** Set instead of a variant when the page's own declaration is wrong (an informal address without a reason). */
  message?: string;
}

export interface ScanOptions {
  /** The page declares an informal address (with a reason): entries marked `address: "formal"` are skipped. */
  informalAddress?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matchers(entry: GlossaryEntry): RegExp[] {
  const words = entry.forbidden.map((f) =>
    entry.match === 'substring'
      ? new RegExp(escapeRegExp(f), 'giu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(f)}(?![\\p{L}\\p{N}])`, 'giu'),
  );
  return [...words, ...entry.patterns.map((p) => new RegExp(p, 'gu'))];
}

/** What is not prose: link targets, addresses, placeholders, HTML tags, WebVTT timings. */
const NOT_TEXT =
  /\]\([^)]*\)|https?:\/\/\S+|\/(?:nl|ar|ber|en|fr|de)\/[\w/.-]*|\{\{[^}]*\}\}|<[^>]+>|\d\d:\d\d[.:]\d{3} --> .*/g;
const PARENTHESES = /\([^()]*\)/g;

/** Forbidden variants in one text, by line. `file` is only used in the result. */
export function scanText(
  text: string,
  glossary: Glossary,
  file: string,
  lineFilter?: (line: string) => string | null,
  options: ScanOptions = {},
): Violation[] {
  const out: Violation[] = [];
  const compiled = glossary.terms
    .filter((entry) => !(options.informalAddress && entry.address === 'formal'))
    .map((entry) => ({ entry, res: matchers(entry) }));
  text.split('\n').forEach((raw, i) => {
    const filtered = lineFilter ? lineFilter(raw) : raw;
    if (filtered === null) return;
    const line = filtered.replace(NOT_TEXT, ' ');
    for (const { entry, res } of compiled) {
      const subject = entry.allowInParentheses ? line.replace(PARENTHESES, ' ') : line;
      for (const re of res) {
        for (const m of subject.matchAll(re)) {
          out.push({ file, line: i + 1, found: m[0], term: entry.term, concept: entry.concept });
        }
      }
    }
  });
  return out;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * The address a Markdown page declares in its front matter: `informal` only with a reason
 * (src/content/address.ts). A declaration without a valid reason is a violation and exempts nothing.
 */
export function pageAddress(text: string, file: string): { informal: boolean; problem?: Violation } {
  const front = FRONT_MATTER.exec(text)?.[1];
  if (front === undefined) return { informal: false };
  const data = parseYaml(front) as { address?: unknown } | null;
  if (data?.address === undefined) return { informal: false };
  const parsed = pageAddressSchema.safeParse(data.address);
  if (parsed.success) return { informal: true };
  const line = text.split('\n').findIndex((l) => /^address:/.test(l)) + 1;
  const issue = parsed.error.issues[0];
  const where = ['address', ...(issue?.path ?? []).map(String)].join('.');
  return {
    informal: false,
    problem: {
      file,
      line,
      found: 'address',
      term: 'address: { form: informal, why: <reason> }',
      concept: 'form of address',
      message: `${where}: ${issue?.message ?? 'invalid'}; the page is checked for the usual form of address`,
    },
  };
}

/** A Markdown page: its front matter may exempt it from the formal address, nothing else. */
export function scanPage(text: string, glossary: Glossary, file: string): Violation[] {
  const { informal, problem } = pageAddress(text, file);
  return [...(problem ? [problem] : []), ...scanText(text, glossary, file, undefined, { informalAddress: informal })];
}

export function readGlossary(root: string, locale: Locale): Glossary {
  return glossarySchema.parse(JSON.parse(readFileSync(join(root, 'content', 'glossary', `${locale}.json`), 'utf8')));
}

/** Files ending in `ext` under `dir`, subfolders included (family topics live in pages/<l>/families/). */
const list = (dir: string, ext: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
      )
    : [];

/** Every file holding text of `locale`, with a filter that keeps only that locale's lines where a file mixes languages. */
export function localeFiles(
  root: string,
  locale: Locale,
): { path: string; filter?: (line: string) => string | null }[] {
  const files: { path: string; filter?: (line: string) => string | null }[] = [];
  for (const f of list(join(root, 'locales', locale), '.json')) {
    // Values only: keys ("privacy": …) are not text.
    files.push({ path: f, filter: (l) => /^\s*"[^"]*":\s*"(.*)"\s*,?\s*$/.exec(l)?.[1] ?? null });
  }
  for (const kind of ['pages', 'news', 'campaigns'])
    files.push(...list(join(root, 'content', kind, locale), '.md').map((path) => ({ path })));
  const videos = join(root, 'content', 'videos');
  for (const slug of existsSync(videos) ? readdirSync(videos) : []) {
    for (const name of [`captions.${locale}.vtt`, `transcript.${locale}.txt`]) {
      if (existsSync(join(videos, slug, name))) files.push({ path: join(videos, slug, name) });
    }
    const yaml = join(videos, slug, 'video.yaml');
    if (existsSync(yaml)) {
      const own = new RegExp(`^\\s*${locale}:\\s*"(.*)"\\s*$`);
      files.push({ path: yaml, filter: (l) => own.exec(l)?.[1] ?? null });
    }
  }
  // content/*.json: text per language sits on lines `"<locale>": "…"`.
  const own = new RegExp(`^\\s*"${locale}":\\s*"(.*)"\\s*,?\\s*$`);
  for (const f of list(join(root, 'content'), '.json'))
    files.push({ path: f, filter: (l) => own.exec(l)?.[1] ?? null });
  return files;
}

export interface MissingGloss {
  file: string;
  line: number;
  name: string;
  gloss: string;
}

/**
 * Pages and campaigns that name something (Veilig Huis) without its gloss anywhere in the file.
 * The gloss may go on with "; source: …" inside its brackets, and bold marks do not count.
 */
export function missingGlosses(text: string, glossary: Glossary, file: string): MissingGloss[] {
  const plain = text.replace(/\*/g, '');
  const out: MissingGloss[] = [];
  for (const { name, gloss } of glossary.glosses) {
    const named = new RegExp(`${escapeRegExp(name)}(?![\\p{L}])`, 'u');
    const lineIndex = text.split('\n').findIndex((l) => named.test(l.replace(/\*/g, '')));
    if (lineIndex === -1) continue;
    if (plain.includes(gloss) || plain.includes(`${gloss.slice(0, -1)};`)) continue;
    out.push({ file, line: lineIndex + 1, name, gloss });
  }
  return out;
}

/** Every page and campaign of every locale that names a glossed name without its gloss. */
export function glossViolations(root: string): MissingGloss[] {
  const out: MissingGloss[] = [];
  for (const locale of LOCALES) {
    const glossary = readGlossary(root, locale);
    for (const kind of ['pages', 'campaigns']) {
      for (const path of list(join(root, 'content', kind, locale), '.md')) {
        out.push(...missingGlosses(readFileSync(path, 'utf8'), glossary, relative(root, path)));
      }
    }
  }
  return out;
}

export const describeMissingGloss = (m: MissingGloss) =>
  `${m.file}:${m.line}: names "${m.name}" but never glosses it: write "${m.gloss}" once`;

/** Every forbidden variant in the whole content of every locale. */
export function glossaryViolations(root: string): Violation[] {
  const out: Violation[] = [];
  for (const locale of LOCALES) {
    const glossary = readGlossary(root, locale);
    for (const { path, filter } of localeFiles(root, locale)) {
      const text = readFileSync(path, 'utf8');
      const file = relative(root, path);
      out.push(...(path.endsWith('.md') ? scanPage(text, glossary, file) : scanText(text, glossary, file, filter)));
    }
  }
  return out;
}

export const describeViolation = (v: Violation) =>
  v.message
    ? `${v.file}:${v.line}: ${v.message}`
    : `${v.file}:${v.line}: "${v.found}" → use "${v.term}" (${v.concept})`;
