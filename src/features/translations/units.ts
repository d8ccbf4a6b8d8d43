/**
 * Everything a translator translates, as units (a page, a news item, a campaign, a UI string
 * file, a content data file, a film) of segments, each Dutch segment paired with the current
 * translation in one locale; and the writers that put new translations back where they came
 * from. Used by `npm run i18n:export`, `npm run i18n:import` and `npm run i18n:report`.
 * See docs/translating.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import { flattenKeys } from '../../i18n/completeness.ts';
import { EDITOR_ONLY_NAMESPACES } from '../../i18n/completeness.ts';
import {
  entrySegments,
  FRONT_MATTER_FIELDS,
  adaptedFresh,
  markdownBlocks,
  sectionHash,
  segmentHash,
  type Adapted,
  type Hashes,
  type TextSegment,
} from '../../i18n/segments.ts';

export type UnitKind = 'page' | 'news' | 'campaign' | 'ui' | 'data' | 'film';
/** What is recorded for a unit: in front matter (pages, news, campaigns), video.yaml (films) or the sidecar (UI strings, data). */
export type StoredState =
  | { status: 'unchecked' }
  | { status: 'translated' }
  | { status: 'checked'; by: string; date: string };
/** A segment's or a unit's state, as the report and the XLIFF file give it. */
export type State = 'source' | 'missing' | 'unchecked' | 'translated' | 'outdated' | 'checked';

export interface Pair extends TextSegment {
  /** The current translation, or undefined when there is none (or it cannot be paired with the Dutch). */
  target?: string | undefined;
}

export interface Unit {
  key: string;
  kind: UnitKind;
  /** The files the unit lives in (for editors). */
  files: string[];
  /** The public address of the unit in this locale, when it has one. */
  url?: string | undefined;
  segments: Pair[];
  /** The translation's file exists. */
  exists: boolean;
  stored?: StoredState | undefined;
  /** New translations (segment id → text in the file's own syntax) and the state to record: the file contents to write. */
  write(changes: Map<string, string>, state: StoredState | undefined): Map<string, string>;
  /** Segments written together: a change to one rebuilds the others of its group when they have no translation that pairs with the Dutch. */
  groupOf(id: string): string;
  /** Markdown: the section groups whose translation does not follow the Dutch, with the Dutch section's hash. */
  unpairedSections?: Record<string, string> | undefined;
  /** Markdown: the segment ids that count as current because their section was adapted on purpose (sidecar `adapted`). */
  adaptedIds?: Set<string> | undefined;
}

export interface Sidecar {
  about: string;
  units: Record<string, { state?: StoredState; hashes: Hashes; adapted?: Adapted }>;
}

export const SIDECAR_ABOUT =
  'Written by npm run i18n:import (docs/translating.md). Per unit: the hash of each Dutch segment this translation was made from; for UI strings and data files also the translation state. Do not edit by hand.';

export function sidecarPath(root: string, locale: Locale): string {
  return join(root, 'content', 'translations', `${locale}.json`);
}

export function readSidecar(root: string, locale: Locale): Sidecar {
  const path = sidecarPath(root, locale);
  if (!existsSync(path)) return { about: SIDECAR_ABOUT, units: {} };
  return JSON.parse(readFileSync(path, 'utf8')) as Sidecar;
}

export function serializeSidecar(sidecar: Sidecar): string {
  const units = Object.fromEntries(Object.entries(sidecar.units).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ about: SIDECAR_ABOUT, units }, null, 2)}\n`;
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function splitFront(text: string): { front: string; body: string; offset: number } {
  const m = FRONT.exec(text);
  if (!m) throw new Error('no front matter');
  return { front: m[1] ?? '', body: text.slice(m[0].length), offset: m[0].length };
}

/** `/nl/safety/` in a Dutch link becomes `/fr/safety/` in the French text. */
export function localizeLinks(markdown: string, locale: Locale): string {
  return markdown.replace(/\]\(\/nl(\/|\))/g, `](/${locale}$1`).replace(/href="\/nl\//g, `href="/${locale}/`);
}

interface SpanBlock {
  id: string;
  group: string;
  text: string;
  start: number;
  end: number;
  /** Where the block's line starts (before a `## ` or `- ` marker). */
  lineStart: number;
  shape: string;
}

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Blocks of a Markdown body as span blocks, grouped by section. */
function mdSpanBlocks(file: string, offset: number): SpanBlock[] {
  return markdownBlocks(file.slice(offset), offset).map((b) => ({
    id: b.id,
    group: b.id.split('.')[0] ?? '',
    text: b.text,
    start: b.start,
    end: b.end,
    lineStart: lineStartOf(file, b.start),
    shape: b.kind,
  }));
}

/** Cues of a WebVTT file (their text lines), all in one group. */
function vttBlocks(file: string): SpanBlock[] {
  const out: SpanBlock[] = [];
  const re = /(?:^|\n)(?:([^\n]*)\n)?([0-9:.]+ --> [0-9:.]+[^\n]*)\n([\s\S]*?)(?=\n\n|\n?$)/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(file))) {
    n += 1;
    const ident = (m[1] ?? '').trim();
    const text = m[3] ?? '';
    const start = m.index + m[0].length - text.length;
    out.push({
      id: `cue.${ident && !ident.includes('-->') ? ident : n}`,
      group: 'all',
      text,
      start,
      end: start + text.length,
      lineStart: lineStartOf(file, m.index + (m[0].startsWith('\n') ? 1 : 0)),
      shape: m[2] ?? '',
    });
  }
  return out;
}

/** Paragraphs of a transcript (blank-line separated), all in one group. */
function paragraphBlocks(file: string): SpanBlock[] {
  const out: SpanBlock[] = [];
  const re = /[^\n](?:[^\n]|\n(?!\s*\n))*/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(file))) {
    if (!m[0].trim()) continue;
    n += 1;
    out.push({
      id: `transcript.${n}`,
      group: 'all',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      lineStart: m.index,
      shape: 'p',
    });
  }
  return out;
}

/**
 * Pairs Dutch and translated blocks: group by group (a Markdown section; a caption file or a
 * transcript is one group) when both have the same groups, block by block when a group has the
 * same blocks. A group that differs is "unpaired": its translation cannot be matched to the
 * Dutch, so its segments have no target and an import rewrites the whole group from the Dutch
 * structure.
 */
function pairBlocks(
  source: SpanBlock[],
  target: SpanBlock[] | undefined,
): { paired: Map<string, SpanBlock>; unpaired: Set<string> } {
  const paired = new Map<string, SpanBlock>();
  const unpaired = new Set<string>();
  const groups = (bs: SpanBlock[]) => [...new Set(bs.map((b) => b.group))];
  if (!target || groups(source).join() !== groups(target).join()) {
    unpaired.add('*');
    return { paired, unpaired };
  }
  for (const g of groups(source)) {
    const s = source.filter((b) => b.group === g);
    const t = target.filter((b) => b.group === g);
    const shape = (bs: SpanBlock[]) =>
      bs.map((b) => `${b.id}:${b.group === 'all' && b.shape.includes('-->') ? '' : b.shape}`).join(' ');
    if (shape(s) === shape(t)) for (const [i, b] of s.entries()) paired.set(b.id, t[i]!);
    else unpaired.add(g);
  }
  return { paired, unpaired };
}

/** Replaces spans in a text (positions of the original text). */
function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Writes span-block edits into a translation: paired blocks in place; an unpaired group is
 * rebuilt from the Dutch group with every block translated (the caller checked that all are).
 */
function writeSpans(
  sourceText: string,
  source: SpanBlock[],
  targetText: string,
  target: SpanBlock[],
  pairing: ReturnType<typeof pairBlocks>,
  changes: Map<string, string>,
  current: Map<string, string>,
  locale: Locale,
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const rebuild = (src: SpanBlock[], tgt: SpanBlock[]) => {
    const first = src[0];
    const last = src[src.length - 1];
    if (!first || !last) return;
    const inner = src.map((b) => ({
      start: b.start - first.lineStart,
      end: b.end - first.lineStart,
      text: changes.get(b.id) ?? current.get(b.id) ?? '',
    }));
    const text = splice(
      localizeLinks(sourceText.slice(first.lineStart, last.end), locale),
      inner.map((e) => e),
    );
    const tFirst = tgt[0];
    const tLast = tgt[tgt.length - 1];
    if (tFirst && tLast) edits.push({ start: tFirst.lineStart, end: tLast.end, text });
    else
      edits.push({
        start: targetText.length,
        end: targetText.length,
        text: `${targetText.endsWith('\n') ? '' : '\n'}${text}\n`,
      });
  };
  if (pairing.unpaired.has('*')) {
    // Rebuild only when something in it changed.
    if (source.some((b) => changes.has(b.id))) rebuild(source, target);
  } else {
    for (const g of pairing.unpaired) {
      const src = source.filter((b) => b.group === g);
      if (src.some((b) => changes.has(b.id)))
        rebuild(
          src,
          target.filter((b) => b.group === g),
        );
    }
    for (const [id, text] of changes) {
      const t = pairing.paired.get(id);
      if (t && t.text !== text) edits.push({ start: t.start, end: t.end, text });
    }
  }
  // Edits must not overlap: they are either blocks or whole groups, never both for one group.
  return edits.length ? splice(targetText, edits) : targetText;
}

function stateToYaml(state: StoredState): Record<string, string> {
  return state.status === 'checked' ? { status: 'checked', by: state.by, date: state.date } : { status: state.status };
}

function readStored(value: unknown): StoredState | undefined {
  const v = value as { status?: string; by?: string; date?: unknown } | undefined;
  if (v?.status === 'checked')
    return {
      status: 'checked',
      by: String(v.by ?? ''),
      date: String(v.date instanceof Date ? v.date.toISOString().slice(0, 10) : (v.date ?? '')),
    };
  if (v?.status === 'translated' || v?.status === 'unchecked') return { status: v.status };
  return undefined;
}

function sameStored(a: StoredState | undefined, b: StoredState | undefined): boolean {
  return JSON.stringify(a ? stateToYaml(a) : null) === JSON.stringify(b ? stateToYaml(b) : null);
}

function listMd(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? listMd(join(dir, e.name), `${prefix}${e.name}/`)
        : e.name.endsWith('.md')
          ? [`${prefix}${e.name.slice(0, -3)}`]
          : [],
    )
    .sort();
}

function markdownUnit(
  root: string,
  kind: 'page' | 'news' | 'campaign',
  dir: string,
  slug: string,
  locale: Locale,
  sidecar: Sidecar,
): Unit {
  const rel = (l: Locale) => `content/${dir}/${l}/${slug}.md`;
  const nlText = readFileSync(join(root, rel(DEFAULT_LOCALE)), 'utf8');
  const nl = splitFront(nlText);
  const nlData = parseYaml(nl.front) as Record<string, unknown>;
  const targetPath = join(root, rel(locale));
  const exists = existsSync(targetPath);
  const tText = exists ? readFileSync(targetPath, 'utf8') : undefined;
  const t = tText !== undefined ? splitFront(tText) : undefined;
  const tData = t ? (parseYaml(t.front) as Record<string, unknown>) : undefined;
  const sBlocks = mdSpanBlocks(nlText, nl.offset);
  const tBlocks = tText !== undefined && t ? mdSpanBlocks(tText, t.offset) : undefined;
  const pairing = pairBlocks(sBlocks, tBlocks);
  const nlFaq = Array.isArray(nlData['faq']) ? (nlData['faq'] as { q: string; a: string }[]) : [];
  const tFaq = Array.isArray(tData?.['faq']) ? (tData['faq'] as { q: string; a: string }[]) : [];
  const faqPaired = nlFaq.length === tFaq.length;
  const segments: Pair[] = entrySegments(kind, nlData, nl.body).map((s) => {
    let target: string | undefined;
    const faq = /^faq\.(\d+)\.([qa])$/.exec(s.id);
    if (faq) target = faqPaired ? tFaq[Number(faq[1]) - 1]?.[faq[2] as 'q' | 'a'] : undefined;
    else if (/^s\d+\./.test(s.id)) target = pairing.paired.get(s.id)?.text;
    else if (typeof tData?.[s.id] === 'string') target = tData[s.id] as string;
    return { ...s, target };
  });
  const nlBlocks = markdownBlocks(nl.body);
  const unpairedSections =
    tBlocks && !pairing.unpaired.has('*')
      ? Object.fromEntries([...pairing.unpaired].map((g) => [g, sectionHash(nlBlocks, g)]))
      : undefined;
  const adaptedIds = exists ? adaptedFresh(nlBlocks, sidecar.units[`${kind}:${slug}`]?.adapted) : new Set<string>();
  const url =
    kind === 'page'
      ? `/${locale}/${slug === 'home' ? '' : `${slug}/`}`
      : kind === 'campaign'
        ? `/${locale}/campaigns/${slug}/`
        : `/${locale}/press/`;
  return {
    key: `${kind}:${slug}`,
    kind,
    files: [rel(locale)],
    url,
    segments,
    exists,
    stored: readStored(tData?.['translation']),
    unpairedSections,
    adaptedIds,
    groupOf: (id) =>
      /^s\d+\./.test(id)
        ? pairing.unpaired.has('*') || !tBlocks
          ? 'body'
          : id.split('.')[0]!
        : id.startsWith('faq.')
          ? 'faq'
          : id,
    write(changes, state) {
      const current = new Map(segments.filter((s) => s.target !== undefined).map((s) => [s.id, s.target!]));
      const baseText = tText ?? nlText;
      const base = splitFront(baseText);
      const bodyChanges = new Map([...changes].filter(([id]) => /^s\d/.test(id)));
      let text = writeSpans(
        nlText,
        sBlocks,
        baseText,
        tBlocks ?? sBlocks,
        tBlocks ? pairing : { paired: new Map(), unpaired: new Set(['*']) },
        bodyChanges,
        current,
        locale,
      );
      const doc = parseDocument(base.front);
      let frontChanged = false;
      for (const { field } of FRONT_MATTER_FIELDS[kind]) {
        const v = changes.get(field);
        if (v !== undefined && v !== tData?.[field]) {
          doc.set(field, v);
          frontChanged = true;
        }
      }
      if ([...changes.keys()].some((id) => id.startsWith('faq.'))) {
        const faq = nlFaq.map((qa, i) => ({
          q: changes.get(`faq.${i + 1}.q`) ?? (faqPaired ? tFaq[i]?.q : undefined) ?? qa.q,
          a: changes.get(`faq.${i + 1}.a`) ?? (faqPaired ? tFaq[i]?.a : undefined) ?? qa.a,
        }));
        if (JSON.stringify(faq) !== JSON.stringify(tFaq)) {
          doc.set('faq', faq);
          frontChanged = true;
        }
      }
      if (state && !sameStored(state, readStored(tData?.['translation']))) {
        doc.set('translation', stateToYaml(state));
        frontChanged = true;
      }
      if (frontChanged || !exists) {
        const front = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
        text = `---\n${front}\n---\n${splitFront(text).body}`;
      }
      return text === tText ? new Map() : new Map([[rel(locale), text]]);
    },
  };
}

/** UI strings: one unit per namespace (`locales/<l>/<ns>.json`). */
function uiUnit(root: string, ns: string, locale: Locale, sidecar: Sidecar): Unit {
  const rel = (l: Locale) => `locales/${l}/${ns}.json`;
  const nl = flattenKeys(JSON.parse(readFileSync(join(root, rel(DEFAULT_LOCALE)), 'utf8')));
  const path = join(root, rel(locale));
  const exists = existsSync(path);
  const tObj = exists ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  const t = flattenKeys(tObj);
  const key = `ui:${ns}`;
  return {
    key,
    kind: 'ui',
    files: [rel(locale)],
    // `_translation` (search) is the namespace's state for its page, not a text: the import sets it.
    segments: [...nl]
      .filter(([id]) => !id.startsWith('_'))
      .map(([id, text]) => ({ id, text, context: `UI string ${ns}:${id}`, target: t.get(id) || undefined })),
    exists,
    stored: sidecar.units[key]?.state ?? (exists ? { status: 'unchecked' } : undefined),
    groupOf: (id) => id,
    write(changes, state) {
      let changed = false;
      if (state && typeof tObj['_translation'] === 'string' && tObj['_translation'] !== state.status) {
        tObj['_translation'] = state.status;
        changed = true;
      }
      for (const [id, text] of changes) {
        const path = id.split('.');
        let node = tObj;
        for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
        const leaf = path[path.length - 1]!;
        if (node[leaf] !== text) {
          node[leaf] = text;
          changed = true;
        }
      }
      return changed ? new Map([[rel(locale), `${JSON.stringify(tObj, null, 2)}\n`]]) : new Map();
    },
  };
}

/** Content data (`content/<file>.json`): every text given per language (`{ "nl": …, "fr": … }`). */
export const DATA_FILES = ['contacts', 'facts', 'helplines', 'centres', 'regional-helplines'];

function isPerLocale(v: unknown): v is Record<string, string> {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as Record<string, unknown>)['nl'] === 'string' &&
    Object.keys(v).every((k) => (LOCALES as readonly string[]).includes(k))
  );
}

function dataUnit(root: string, file: string, locale: Locale, sidecar: Sidecar): Unit {
  const rel = `content/${file}.json`;
  const data = JSON.parse(readFileSync(join(root, rel), 'utf8')) as unknown;
  const found: { id: string; path: (string | number)[]; value: Record<string, string> }[] = [];
  const walk = (v: unknown, path: (string | number)[], id: string) => {
    if (isPerLocale(v)) found.push({ id, path, value: v });
    else if (Array.isArray(v))
      for (const [i, c] of v.entries()) walk(c, [...path, i], `${id}.${(c as { id?: string })?.id ?? i}`);
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k], `${id}.${k}`);
  };
  walk(data, [], '');
  const key = `data:${file}`;
  return {
    key,
    kind: 'data',
    files: [rel],
    segments: found.map((f) => ({
      id: f.id.slice(1),
      text: f.value['nl']!,
      context: `${file}.json, ${f.id.slice(1).replace(/\./g, ' › ')}`,
      target: f.value[locale] || undefined,
    })),
    exists: true,
    stored: sidecar.units[key]?.state ?? { status: 'unchecked' },
    groupOf: (id) => id,
    write(changes) {
      let changed = false;
      for (const f of found) {
        const v = changes.get(f.id.slice(1));
        if (v !== undefined && f.value[locale] !== v) {
          f.value[locale] = v;
          changed = true;
        }
      }
      return changed ? new Map([[rel, `${JSON.stringify(data, null, 2)}\n`]]) : new Map();
    },
  };
}

/** A film: title, summary and chapters (video.yaml), captions (captions.<l>.vtt) and transcript (transcript.<l>.txt). */
export function filmUnit(root: string, slug: string, locale: Locale): Unit {
  const dir = `content/videos/${slug}`;
  const yamlRel = `${dir}/video.yaml`;
  const yamlText = readFileSync(join(root, yamlRel), 'utf8');
  const meta = parseYaml(yamlText) as {
    title: Record<string, string>;
    summary: Record<string, string>;
    chapters?: { title: Record<string, string> }[];
    translation?: Record<string, unknown>;
  };
  const segments: Pair[] = [
    { id: 'title', text: meta.title.nl!, context: 'film title', target: meta.title[locale] },
    { id: 'summary', text: meta.summary.nl!, context: 'film summary', target: meta.summary[locale] },
    ...(meta.chapters ?? []).map((c, i) => ({
      id: `chapter.${i + 1}`,
      text: c.title.nl!,
      context: `chapter ${i + 1} title (chapter list under the player)`,
      target: c.title[locale],
    })),
  ];
  const read = (f: string) => (existsSync(join(root, dir, f)) ? readFileSync(join(root, dir, f), 'utf8') : undefined);
  const files: {
    rel: string;
    src: string;
    tgt?: string | undefined;
    blocks: (t: string) => SpanBlock[];
    what: string;
  }[] = [
    {
      rel: `${dir}/captions.${locale}.vtt`,
      src: read('captions.nl.vtt') ?? '',
      tgt: read(`captions.${locale}.vtt`),
      blocks: vttBlocks,
      what: 'caption',
    },
    {
      rel: `${dir}/transcript.${locale}.txt`,
      src: read('transcript.nl.txt') ?? '',
      tgt: read(`transcript.${locale}.txt`),
      blocks: paragraphBlocks,
      what: 'transcript paragraph',
    },
  ];
  const spans = files.map((f) => {
    const s = f.blocks(f.src);
    const t = f.tgt !== undefined ? f.blocks(f.tgt) : undefined;
    const pairing = pairBlocks(s, t);
    for (const b of s) {
      segments.push({
        id: b.id,
        text: b.text,
        context:
          f.what === 'caption'
            ? `caption ${b.shape} (shown over the film for the length of the cue: keep it as short as the Dutch)`
            : `${f.what} ${b.id.split('.')[1]}`,
        target: pairing.paired.get(b.id)?.text,
      });
    }
    return { ...f, s, t, pairing };
  });
  return {
    key: `film:${slug}`,
    kind: 'film',
    files: [yamlRel, ...files.map((f) => f.rel)],
    url: `/${locale}/videos/${slug}/`,
    segments,
    exists: true,
    stored: readStored(meta.translation?.[locale]),
    groupOf: (id) => (id.startsWith('cue.') ? 'captions' : id.startsWith('transcript.') ? 'transcript' : id),
    write(changes, state) {
      const out = new Map<string, string>();
      const doc = parseDocument(yamlText);
      let yamlChanged = false;
      const set = (path: (string | number)[], v: string | undefined) => {
        if (v !== undefined && doc.getIn(path) !== v) {
          doc.setIn(path, v);
          yamlChanged = true;
        }
      };
      set(['title', locale], changes.get('title'));
      set(['summary', locale], changes.get('summary'));
      for (const i of (meta.chapters ?? []).keys())
        set(['chapters', i, 'title', locale], changes.get(`chapter.${i + 1}`));
      if (state && !sameStored(state, readStored(meta.translation?.[locale]))) {
        const node = doc.createNode(stateToYaml(state));
        node.flow = true;
        doc.setIn(['translation', locale], node);
        yamlChanged = true;
      }
      if (yamlChanged) out.set(yamlRel, doc.toString({ lineWidth: 0 }));
      const current = new Map(segments.filter((s) => s.target !== undefined).map((s) => [s.id, s.target!]));
      for (const f of spans) {
        const mine = new Map([...changes].filter(([id]) => f.s.some((b) => b.id === id)));
        if (mine.size === 0) continue;
        const base = f.tgt ?? f.src;
        const text = writeSpans(
          f.src,
          f.s,
          base,
          f.t ?? f.s,
          f.t ? f.pairing : { paired: new Map(), unpaired: new Set(['*']) },
          mine,
          current,
          locale,
        );
        if (text !== f.tgt) out.set(f.rel, text);
      }
      return out;
    },
  };
}

/** Every unit of one locale (not Dutch), in a fixed order: pages, news, campaigns, UI strings, data, films. */
export function loadUnits(root: string, locale: Locale): Unit[] {
  if (locale === DEFAULT_LOCALE) throw new Error('Dutch is the source; choose another locale');
  const sidecar = readSidecar(root, locale);
  const units: Unit[] = [];
  for (const [kind, dir] of [
    ['page', 'pages'],
    ['news', 'news'],
    ['campaign', 'campaigns'],
  ] as const) {
    for (const slug of listMd(join(root, 'content', dir, DEFAULT_LOCALE)))
      units.push(markdownUnit(root, kind, dir, slug, locale, sidecar));
  }
  const namespaces = readdirSync(join(root, 'locales', DEFAULT_LOCALE))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((ns) => !EDITOR_ONLY_NAMESPACES.has(ns))
    .sort();
  for (const ns of namespaces) units.push(uiUnit(root, ns, locale, sidecar));
  for (const file of DATA_FILES)
    if (existsSync(join(root, 'content', `${file}.json`))) units.push(dataUnit(root, file, locale, sidecar));
  const videos = join(root, 'content', 'videos');
  for (const slug of readdirSync(videos).sort())
    if (existsSync(join(videos, slug, 'video.yaml'))) units.push(filmUnit(root, slug, locale));
  return units;
}

/** A segment's state: no translation, the Dutch changed since, or the unit's recorded state. */
export function segmentState(unit: Unit, seg: Pair, hashes: Hashes | undefined): State {
  if (unit.adaptedIds?.has(seg.id)) return unit.stored?.status ?? 'unchecked';
  if (seg.target === undefined || seg.target.trim() === '') {
    // A page or film whose translation exists but does not follow the Dutch blocks here: the Dutch changed.
    return unit.exists && unit.kind !== 'ui' && unit.kind !== 'data' ? 'outdated' : 'missing';
  }
  if (hashes?.[seg.id] !== segmentHash(seg.text)) return 'outdated';
  return unit.stored?.status ?? 'unchecked';
}

/** A unit's state: missing (no file), outdated (any segment missing or stale), or its recorded state. */
export function unitState(unit: Unit, hashes: Hashes | undefined): State {
  if (!unit.exists) return 'missing';
  const states = unit.segments.map((s) => segmentState(unit, s, hashes));
  if (states.some((s) => s === 'missing' || s === 'outdated')) return 'outdated';
  return unit.stored?.status ?? 'unchecked';
}
