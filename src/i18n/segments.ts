/**
 * Translation segments: how the translation workflow (`npm run i18n:export` / `i18n:import`,
 * docs/translating.md) cuts a text into the pieces a translator works on, turns inline markup
 * into placeholders, and fingerprints the Dutch source of each piece so that a translation
 * knows when the Dutch has changed since it was made.
 *
 * Pure (no file access): the scripts, the unit tests and the build (the "outdated" notice)
 * share it, so a hash computed by the import is the hash the build compares.
 */
import { createHash } from 'node:crypto';

/** One inline piece of a segment: text, an atomic placeholder, or a paired one around text. */
export type Part = string | { x: string } | { g: string; children: Part[] };

/** What a placeholder stands for in the Markdown (or the i18next string). */
export interface Placeholder {
  id: string;
  kind: 'x' | 'g';
  /** XLIFF 1.2 `ctype`: `link`, `bold`, `italic`, or an `x-` value. */
  ctype: string;
  /** The markup before (g) or in place of (x) the text. */
  open: string;
  /** The markup after the text (g only). */
  close: string;
  /** Matches a translation's placeholder to the Dutch one: kind, ctype and locale-free URL. */
  key: string;
}

export interface Inline {
  parts: Part[];
  placeholders: Placeholder[];
}

/** A short fingerprint of a segment's Dutch text (whitespace-normalised). */
export function segmentHash(text: string): string {
  return createHash('sha256').update(normalizeSpace(text)).digest('hex').slice(0, 12);
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

const NUMBER_ONLY = /^[+0-9][0-9 ./-]*$/;

/** `/fr/safety/` and `/nl/safety/` are the same link for matching placeholders. */
function localeFree(url: string): string {
  return url.replace(/^\/(nl|ar|ber|en|fr|de)(\/|$)/, '/{locale}$2');
}

/**
 * Parses Markdown inline markup (links, `**bold**`, `*italic*`, `` `code` ``, inline HTML
 * tags, autolinks) and i18next `{{variables}}` into text and placeholders. Links and emphasis
 * whose text is only a number (`[1712](tel:1712)`, `**101**`) become one atomic placeholder,
 * so a translator cannot change the number.
 * @example parseInline('Bel [1712](tel:1712) of lees [dit](/nl/safety/).').placeholders.map((p) => p.ctype)
 *   // => ['x-tel', 'link']
 */
export function parseInline(text: string): Inline {
  const placeholders: Placeholder[] = [];
  const add = (p: Omit<Placeholder, 'id'>) => {
    const id = String(placeholders.length + 1);
    placeholders.push({ ...p, id });
    return id;
  };
  const parse = (s: string): Part[] => {
    const out: Part[] = [];
    let buf = '';
    const flush = () => {
      if (buf) out.push(buf);
      buf = '';
    };
    let i = 0;
    while (i < s.length) {
      // Only these characters can start markup; plain text is copied as it is.
      if (!'{`<[*_\\'.includes(s[i]!)) {
        buf += s[i];
        i += 1;
        continue;
      }
      const rest = s.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\{\{\s*[\w.,\s-]+\}\}/.exec(rest))) {
        flush();
        out.push({
          x: add({
            kind: 'x',
            ctype: 'x-variable',
            open: m[0],
            close: '',
            key: `x-variable ${m[0].replace(/\s/g, '')}`,
          }),
        });
        i += m[0].length;
      } else if ((m = /^`[^`]+`/.exec(rest))) {
        flush();
        out.push({ x: add({ kind: 'x', ctype: 'x-code', open: m[0], close: '', key: `x-code ${m[0]}` }) });
        i += m[0].length;
      } else if ((m = /^<(https?:\/\/[^>\s]+|[^>\s@]+@[^>\s]+)>/.exec(rest))) {
        flush();
        out.push({ x: add({ kind: 'x', ctype: 'x-autolink', open: m[0], close: '', key: `x-autolink ${m[1]}` }) });
        i += m[0].length;
      } else if ((m = /^\[((?:[^[\]]|\[[^\]]*\])*)\]\(([^()\s]*(?:\([^()]*\))?[^()\s]*)(\s+"[^"]*")?\)/.exec(rest))) {
        flush();
        const [all, label = '', url = ''] = m;
        const tail = `](${url}${m[3] ?? ''})`;
        if (NUMBER_ONLY.test(label.trim()) || (/^tel:/.test(url) && NUMBER_ONLY.test(label.trim()))) {
          out.push({
            x: add({
              kind: 'x',
              ctype: url.startsWith('tel:') ? 'x-tel' : 'x-number-link',
              open: all,
              close: '',
              key: `x-link ${localeFree(url)} ${label}`,
            }),
          });
        } else {
          const id = add({ kind: 'g', ctype: 'link', open: '[', close: tail, key: `link ${localeFree(url)}` });
          out.push({ g: id, children: parse(label) });
        }
        i += all.length;
      } else if ((m = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest))) {
        flush();
        const [all, mark = '**', inner = ''] = m;
        if (NUMBER_ONLY.test(inner)) {
          out.push({ x: add({ kind: 'x', ctype: 'x-number', open: all, close: '', key: `x-number ${inner}` }) });
        } else {
          const id = add({ kind: 'g', ctype: 'bold', open: mark, close: mark, key: 'bold' });
          out.push({ g: id, children: parse(inner) });
        }
        i += all.length;
      } else if ((m = /^\*(?=[^\s*])([^*]*?[^\s*])\*/.exec(rest))) {
        flush();
        const [all, inner = ''] = m;
        const id = add({ kind: 'g', ctype: 'italic', open: '*', close: '*', key: 'italic' });
        out.push({ g: id, children: parse(inner) });
        i += all.length;
      } else if ((m = /^<([a-z][a-z0-9]*)(\s[^<>]*)?>([\s\S]*?)<\/\1>/i.exec(rest))) {
        flush();
        const [all, tag = '', attrs = '', inner = ''] = m;
        const id = add({
          kind: 'g',
          ctype: `x-html-${tag.toLowerCase()}`,
          open: `<${tag}${attrs}>`,
          close: `</${tag}>`,
          key: `x-html ${tag}${attrs}`,
        });
        out.push({ g: id, children: parse(inner) });
        i += all.length;
      } else if ((m = /^<[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.exec(rest))) {
        flush();
        out.push({ x: add({ kind: 'x', ctype: 'x-html', open: m[0], close: '', key: `x-html ${m[0]}` }) });
        i += m[0].length;
      } else if (rest.startsWith('\\') && rest.length > 1) {
        buf += rest.slice(0, 2);
        i += 2;
      } else {
        buf += s[i];
        i += 1;
      }
    }
    flush();
    return out;
  };
  const parts = parse(text);
  return { parts, placeholders };
}

/** Writes parts back as Markdown, with the markup of each placeholder id. */
export function renderInline(parts: Part[], markup: Map<string, Placeholder>): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('x' in p) {
        const ph = markup.get(p.x);
        if (!ph) throw new Error(`no markup for placeholder ${p.x}`);
        return ph.open;
      }
      const ph = markup.get(p.g);
      if (!ph) throw new Error(`no markup for placeholder ${p.g}`);
      return `${ph.open}${renderInline(p.children, markup)}${ph.close}`;
    })
    .join('');
}

/** Placeholder ids in order of appearance, with their kind. */
export function placeholderIds(parts: Part[]): { id: string; kind: 'x' | 'g' }[] {
  return parts.flatMap((p) =>
    typeof p === 'string'
      ? []
      : 'x' in p
        ? [{ id: p.x, kind: 'x' as const }]
        : [{ id: p.g, kind: 'g' as const }, ...placeholderIds(p.children)],
  );
}

/** The text of a segment without markup (for length limits and glossary look-ups). */
export function plainText(parts: Part[], markup?: Map<string, Placeholder>): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'x' in p ? (markup?.get(p.x)?.open ?? '') : plainText(p.children, markup)))
    .join('');
}

/**
 * Gives a translation's placeholders the ids of the Dutch ones they correspond to (same
 * kind, same link target whatever the locale in its path), in order; a placeholder the Dutch
 * does not have gets `t1`, `t2`…
 */
export function alignPlaceholders(source: Inline, target: Inline): Inline {
  const free = new Map<string, string[]>();
  for (const p of source.placeholders) free.set(p.key, [...(free.get(p.key) ?? []), p.id]);
  const rename = new Map<string, string>();
  let extra = 0;
  for (const p of target.placeholders) {
    const ids = free.get(p.key);
    const id = ids?.shift() ?? `t${++extra}`;
    rename.set(p.id, id);
  }
  const walk = (parts: Part[]): Part[] =>
    parts.map((p) =>
      typeof p === 'string'
        ? p
        : 'x' in p
          ? { x: rename.get(p.x)! }
          : { g: rename.get(p.g)!, children: walk(p.children) },
    );
  return { parts: walk(target.parts), placeholders: target.placeholders.map((p) => ({ ...p, id: rename.get(p.id)! })) };
}

/** A block of a Markdown body: where its text starts and ends in the file, so an import can replace just that. */
export interface Block {
  /** `s2.h` (the heading of section 2), `s2.3` (its third block); section 0 is before the first heading. */
  id: string;
  kind: 'heading' | 'paragraph' | 'item';
  /** The raw Markdown text of the block, without its `## ` or `- ` marker. */
  text: string;
  start: number;
  end: number;
  /** The heading of the section the block is in ('' before the first heading). */
  section: string;
}

/**
 * Cuts a Markdown body into blocks: headings, paragraphs and list items (each item its own
 * block). Ids are positions (section number, block number in the section): editing a block's
 * text keeps its id; adding a block renumbers the blocks after it in that section only.
 * `offset` is added to every position (the length of the front matter before the body).
 */
export function markdownBlocks(body: string, offset = 0): Block[] {
  const blocks: Block[] = [];
  let section = 0;
  let n = 0;
  let heading = '';
  let current: Block | null = null;
  let fence = false;
  let pos = 0;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const line of body.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const content = line.replace(/\r$/, '');
    const lineEnd = lineStart + content.length;
    if (/^\s*(```|~~~)/.test(content)) {
      close();
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (content.trim() === '') {
      close();
      continue;
    }
    const h = /^(#{1,6}\s+)(.*?)(\s+#+\s*)?$/.exec(content);
    if (h) {
      close();
      section += 1;
      n = 0;
      heading = h[2] ?? '';
      const start = lineStart + (h[1]?.length ?? 0);
      blocks.push({
        id: `s${section}.h`,
        kind: 'heading',
        text: heading,
        start: start + offset,
        end: start + heading.length + offset,
        section: heading,
      });
      continue;
    }
    const item = /^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$/.exec(content);
    if (item) {
      close();
      n += 1;
      const start = lineStart + (item[1]?.length ?? 0);
      current = {
        id: `s${section}.${n}`,
        kind: 'item',
        text: item[2] ?? '',
        start: start + offset,
        end: lineEnd + offset,
        section: heading,
      };
      continue;
    }
    if (current) {
      const c: Block = current;
      c.end = lineEnd + offset;
      c.text = body.slice(c.start - offset, lineEnd);
      continue;
    }
    n += 1;
    current = {
      id: `s${section}.${n}`,
      kind: 'paragraph',
      text: content,
      start: lineStart + offset,
      end: lineEnd + offset,
      section: heading,
    };
  }
  close();
  return blocks;
}

/** The block structure of a body (kinds in order), to tell whether a translation follows the Dutch. */
export function blockShape(blocks: Block[]): string {
  return blocks.map((b) => `${b.id}:${b.kind}`).join(' ');
}

/** The front matter fields a translator translates, per kind of entry, with the length limit the schema sets. */
export const FRONT_MATTER_FIELDS: Record<'page' | 'news' | 'campaign', { field: string; max?: number }[]> = {
  page: [{ field: 'title' }, { field: 'description', max: 200 }],
  news: [{ field: 'title' }, { field: 'summary', max: 300 }],
  campaign: [{ field: 'title' }, { field: 'description', max: 200 }, { field: 'cardText', max: 90 }],
};

export interface TextSegment {
  id: string;
  text: string;
  /** Where it is, for the translator: the front matter field or the section heading. */
  context: string;
  max?: number | undefined;
}

/**
 * The segments of a Markdown entry (page, news item, campaign), from its parsed front matter
 * and its body: front matter fields, FAQ questions and answers, then the body's blocks.
 */
export function entrySegments(
  kind: 'page' | 'news' | 'campaign',
  data: Record<string, unknown>,
  body: string,
): TextSegment[] {
  const out: TextSegment[] = [];
  for (const { field, max } of FRONT_MATTER_FIELDS[kind]) {
    const v = data[field];
    if (typeof v === 'string') out.push({ id: field, text: v, context: `front matter: ${field}`, max });
  }
  const faq = Array.isArray(data['faq']) ? (data['faq'] as { q?: unknown; a?: unknown }[]) : [];
  faq.forEach((qa, i) => {
    if (typeof qa.q === 'string') out.push({ id: `faq.${i + 1}.q`, text: qa.q, context: `FAQ ${i + 1}: question` });
    if (typeof qa.a === 'string') out.push({ id: `faq.${i + 1}.a`, text: qa.a, context: `FAQ ${i + 1}: answer` });
  });
  for (const b of markdownBlocks(body)) {
    out.push({
      id: b.id,
      text: b.text,
      context:
        b.kind === 'heading'
          ? `heading of section ${b.id.split('.')[0]}`
          : `${b.kind} in section "${b.section || '(top)'}"`,
    });
  }
  return out;
}

/** Recorded hashes of one unit in one locale: segment id → hash of the Dutch it was translated from. */
export type Hashes = Record<string, string>;

/**
 * Whether a translation is out of date: a Dutch segment has no translated counterpart, or
 * its Dutch text is not the one the translation was made from.
 */
export function staleSegments(source: TextSegment[], targetIds: Set<string>, hashes: Hashes | undefined): string[] {
  return source.filter((s) => !targetIds.has(s.id) || hashes?.[s.id] !== segmentHash(s.text)).map((s) => s.id);
}

/**
 * The Dutch blocks a translation's blocks pair with: section by section, when both have the
 * same sections and a section has the same blocks (kinds in order). A section that differs
 * does not pair: its translation no longer follows the Dutch.
 */
export function pairedBlockIds(source: Block[], target: Block[]): Set<string> {
  const sections = (bs: Block[]) => [...new Set(bs.map((b) => b.id.split('.')[0]))];
  const out = new Set<string>();
  if (sections(source).join() !== sections(target).join()) return out;
  for (const s of sections(source)) {
    const shape = (bs: Block[]) =>
      bs
        .filter((b) => b.id.split('.')[0] === s)
        .map((b) => `${b.id}:${b.kind}`)
        .join(' ');
    if (shape(source) === shape(target)) for (const b of source) if (b.id.split('.')[0] === s) out.add(b.id);
  }
  return out;
}

/**
 * The segments of a translated Markdown entry that are out of date: missing, not following the
 * Dutch blocks, or translated from another Dutch text than today's (its recorded hash differs).
 */
export function entryStaleSegments(
  kind: 'page' | 'news' | 'campaign',
  source: { data: Record<string, unknown>; body: string },
  target: { data: Record<string, unknown>; body: string },
  hashes: Hashes | undefined,
  adapted?: Adapted,
): string[] {
  const segs = entrySegments(kind, source.data, source.body);
  const have = new Set<string>();
  for (const { field } of FRONT_MATTER_FIELDS[kind]) if (typeof target.data[field] === 'string') have.add(field);
  const sFaq = Array.isArray(source.data['faq']) ? source.data['faq'].length : 0;
  const tFaq = Array.isArray(target.data['faq']) ? target.data['faq'].length : 0;
  if (sFaq === tFaq) for (let i = 1; i <= sFaq; i++) have.add(`faq.${i}.q`).add(`faq.${i}.a`);
  const blocks = markdownBlocks(source.body);
  for (const id of pairedBlockIds(blocks, markdownBlocks(target.body))) have.add(id);
  const stale = staleSegments(segs, have, hashes);
  const fresh = adaptedFresh(blocks, adapted);
  return stale.filter((id) => !fresh.has(id));
}

/**
 * Sections a translation adapted on purpose for its readers (e.g. the French pages' line for
 * Wallonia and Brussels), recorded with the hash of the Dutch section they were adapted from:
 * section → hash. While the Dutch section is unchanged they count as current.
 */
export type Adapted = Record<string, string>;

/** The hash of a Dutch section (all its blocks). */
export function sectionHash(blocks: Block[], section: string): string {
  return segmentHash(
    blocks
      .filter((b) => b.id.split('.')[0] === section)
      .map((b) => `${b.kind}:${normalizeSpace(b.text)}`)
      .join('\n'),
  );
}

/** Block ids of adapted sections whose Dutch has not changed since. */
export function adaptedFresh(blocks: Block[], adapted: Adapted | undefined): Set<string> {
  const out = new Set<string>();
  for (const [section, hash] of Object.entries(adapted ?? {})) {
    if (sectionHash(blocks, section) === hash)
      for (const b of blocks) if (b.id.split('.')[0] === section) out.add(b.id);
  }
  return out;
}
