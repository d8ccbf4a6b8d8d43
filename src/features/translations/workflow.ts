/**
 * The export and import of the translation workflow, as functions (the CLI scripts
 * `i18n-export.ts` / `i18n-import.ts` and the tests call them). docs/translating.md explains
 * the file to translators.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_LOCALE, LOCALE_INFO, LOCALES, type Locale } from '../../i18n/locales.ts';
import {
  alignPlaceholders,
  normalizeSpace,
  parseInline,
  placeholderIds,
  plainText,
  renderInline,
  segmentHash,
  type Inline,
  type Placeholder,
} from '../../i18n/segments.ts';
import {
  loadUnits,
  localizeLinks,
  readSidecar,
  segmentState,
  serializeSidecar,
  sidecarPath,
  type Pair,
  type State,
  type StoredState,
  type Unit,
} from './units.ts';
import { canonical, escapeXml, partsToXml, readXliff, XLIFF_NS, type ReadPhase } from './xliff.ts';

export type Only = 'missing' | 'outdated' | 'unchecked';

interface GlossaryTerm {
  concept: string;
  term: string;
}

function glossary(root: string, locale: Locale): { nl: string; target?: string | undefined }[] {
  const read = (l: Locale) => {
    const path = join(root, 'content', 'glossary', `${l}.json`);
    return existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as { terms: GlossaryTerm[] }).terms ?? []) : [];
  };
  const target = read(locale);
  return read(DEFAULT_LOCALE).map((t) => ({
    nl: t.term,
    target: (target.find((x) => x.concept === t.term || x.concept === t.concept) ?? undefined)?.term,
  }));
}

/** XLIFF 1.2 `state` of a target for each of our states. */
const XLIFF_STATE: Record<Exclude<State, 'source' | 'missing'>, { state: string; qualifier?: string }> = {
  unchecked: { state: 'needs-review-translation', qualifier: 'mt-suggestion' },
  outdated: { state: 'needs-review-translation', qualifier: 'x-outdated' },
  translated: { state: 'translated' },
  checked: { state: 'signed-off' },
};

function describePlaceholder(p: Placeholder | undefined): string {
  if (!p) return 'unknown';
  if (p.ctype === 'link') return `link to ${p.close.slice(2, -1)}: translate the words inside, keep the tags`;
  if (p.ctype === 'x-tel') return `phone number ${p.open} (a tel: link): keep it`;
  if (p.ctype.startsWith('x-number')) return `number ${p.open}: keep it`;
  if (p.ctype === 'x-variable') return `${p.open}: filled in by the site (a name, a number); keep it`;
  if (p.ctype === 'bold' || p.ctype === 'italic') return `${p.ctype}: translate the words inside`;
  return `${p.open}${p.close ? ` … ${p.close}` : ''}: keep it`;
}

export interface ExportResult {
  xml: string;
  counts: Record<State, number>;
  units: number;
  segments: number;
}

/** Pairs a segment's Dutch and translated inline markup, with the placeholder ids aligned. */
function inlinePair(seg: Pair): { source: Inline; target?: Inline | undefined } {
  const source = parseInline(seg.text);
  const target = seg.target !== undefined ? alignPlaceholders(source, parseInline(seg.target)) : undefined;
  return { source, target };
}

/**
 * Writes one locale's units as XLIFF 1.2: one `<file>` per unit (its key as `original`), one
 * `<trans-unit>` per segment with the Dutch source, the current target and its state, and notes.
 */
export function exportXliff(root: string, locale: Locale, only?: Only): ExportResult {
  const units = loadUnits(root, locale);
  const sidecar = readSidecar(root, locale);
  const terms = glossary(root, locale);
  const lang = LOCALE_INFO[locale].htmlLang;
  const counts: Record<State, number> = { source: 0, missing: 0, unchecked: 0, translated: 0, outdated: 0, checked: 0 };
  let segments = 0;
  let unitCount = 0;
  const files: string[] = [];
  for (const unit of units) {
    const hashes = sidecar.units[unit.key]?.hashes;
    const tus: string[] = [];
    for (const seg of unit.segments) {
      if (unit.adaptedIds?.has(seg.id)) continue; // adapted on purpose: edited by hand (docs/translating.md)
      const state = segmentState(unit, seg, hashes);
      if (only && state !== only) continue;
      counts[state] += 1;
      segments += 1;
      const { source, target } = inlinePair(seg);
      const byId = new Map(source.placeholders.map((p) => [p.id, p]));
      for (const p of target?.placeholders ?? []) if (!byId.has(p.id)) byId.set(p.id, p);
      const describe = (id: string) => {
        const p = byId.get(id);
        return { ctype: p?.ctype ?? 'x-unknown', equiv: p?.kind === 'x' ? p.open : undefined };
      };
      const notes: string[] = [];
      const where = unit.url ? `${unit.key} (${unit.url})` : unit.key;
      notes.push(`Where: ${where}; ${seg.context}.`);
      if (unit.kind === 'ui') notes.push(`UI key: ${unit.key.slice(3)}:${seg.id}`);
      if (seg.max)
        notes.push(`Length: at most ${seg.max} characters (the Dutch has ${plainText(source.parts).length}).`);
      const lower = seg.text.toLowerCase();
      const found = terms.filter((t) => lower.includes(t.nl.toLowerCase()));
      if (found.length)
        notes.push(`Glossary: ${found.map((t) => `${t.nl} → ${t.target ?? '(no agreed term yet)'}`).join('; ')}`);
      const phs = [...byId.values()].filter(
        (p) => placeholderIds(source.parts).some((x) => x.id === p.id) || p.id.startsWith('t'),
      );
      if (phs.length) notes.push(`Tags: ${phs.map((p) => `${p.id} = ${describePlaceholder(p)}`).join('; ')}.`);
      if (state === 'outdated')
        notes.push(
          seg.target === undefined
            ? 'The Dutch changed (blocks were added, removed or moved) and this part of the translation no longer matches it: translate it from the Dutch.'
            : 'The Dutch text has changed since this translation was made: compare with the Dutch and update.',
        );
      if (state === 'missing') notes.push('Not translated yet.');
      const xs =
        state === 'missing' || target === undefined ? undefined : XLIFF_STATE[state as keyof typeof XLIFF_STATE];
      const max = seg.max ? ` maxwidth="${seg.max}" size-unit="char"` : '';
      tus.push(
        [
          `      <trans-unit id="${escapeXml(seg.id)}" resname="${escapeXml(`${unit.key}#${seg.id}`)}"${max}${state === 'checked' ? ' approved="yes"' : ''} xml:space="preserve">`,
          `        <source xml:lang="nl">${partsToXml(source.parts, describe).replace(/\s*\n\s*/g, ' ')}</source>`,
          ...(target && xs
            ? [
                `        <target xml:lang="${lang}" state="${xs.state}"${xs.qualifier ? ` state-qualifier="${xs.qualifier}"` : ''}>${partsToXml(target.parts, describe).replace(/\s*\n\s*/g, ' ')}</target>`,
              ]
            : []),
          ...notes.map((n) => `        <note>${escapeXml(n)}</note>`),
          '      </trans-unit>',
        ].join('\n'),
      );
    }
    if (tus.length === 0) continue;
    unitCount += 1;
    const adaptedNote = unit.adaptedIds?.size
      ? ` Sections adapted on purpose for this language (not in this file; edit them in the file by hand): ${[...new Set([...unit.adaptedIds].map((id) => id.split('.')[0]))].join(', ')}.`
      : '';
    const stored =
      unit.stored?.status === 'checked'
        ? `checked by ${unit.stored.by} on ${unit.stored.date}`
        : (unit.stored?.status ?? 'missing');
    files.push(
      [
        `  <file original="${escapeXml(unit.key)}" source-language="nl" target-language="${lang}" datatype="${unit.kind === 'ui' || unit.kind === 'data' ? 'x-json' : 'x-markdown'}">`,
        '    <header>',
        '      <tool tool-id="co3-i18n" tool-name="CO3 portal: npm run i18n:export"/>',
        `      <note>${escapeXml(`${unit.kind} ${unit.key.split(':')[1]}; files: ${unit.files.join(', ')}; recorded state: ${stored}.${adaptedNote}`)}</note>`,
        '    </header>',
        '    <body>',
        ...tus,
        '    </body>',
        '  </file>',
      ].join('\n'),
    );
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF_NS}">`,
    ...files,
    '</xliff>',
    '',
  ].join('\n');
  return { xml, counts, units: unitCount, segments };
}

export interface ImportOptions {
  /** Who reviewed, when the file marks segments as reviewed without naming anyone in a `<phase>`. */
  reviewer?: string | undefined;
  /** The review date (YYYY-MM-DD) for `reviewer`; today when not given. */
  date?: string | undefined;
  /** Today's date, for tests. */
  today?: string | undefined;
}

export interface ImportResult {
  locale?: Locale | undefined;
  /** Each refused segment: `unit#segment: why`. Nothing is written when there is any. */
  refused: string[];
  /** Files written (relative to the root). */
  written: string[];
  /** Segments whose text or state changed. */
  changed: number;
}

const RANK: Record<StoredState['status'], number> = { unchecked: 0, translated: 1, checked: 2 };

function reviewerOf(phase: ReadPhase | undefined, opts: ImportOptions): { by: string; date: string } | undefined {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (phase?.contact) {
    const by =
      [phase.contact, phase.company].filter(Boolean).join(', ') +
      (phase.process && phase.process !== 'review' ? ` (${phase.process})` : '');
    return { by, date: /^\d{4}-\d{2}-\d{2}/.test(phase.date ?? '') ? phase.date!.slice(0, 10) : today };
  }
  if (opts.reviewer) return { by: opts.reviewer, date: opts.date ?? today };
  return undefined;
}

/** Reads an XLIFF file and writes what it changes; refuses it whole (and names each segment) when anything does not fit. */
export function importXliff(root: string, xml: string, opts: ImportOptions = {}): ImportResult {
  const refused: string[] = [];
  let files: ReturnType<typeof readXliff>;
  try {
    files = readXliff(xml);
  } catch (e) {
    return { refused: [`file: ${(e as Error).message}`], written: [], changed: 0 };
  }
  const langs = new Set(files.map((f) => f.targetLanguage));
  const locale = LOCALES.find((l) => langs.has(LOCALE_INFO[l].htmlLang) || langs.has(l));
  if (langs.size !== 1 || !locale || locale === DEFAULT_LOCALE) {
    return {
      refused: [
        `file: target-language must be one of ${LOCALES.filter((l) => l !== DEFAULT_LOCALE)
          .map((l) => LOCALE_INFO[l].htmlLang)
          .join(', ')} (one per file), found ${[...langs].join(', ') || 'none'}`,
      ],
      written: [],
      changed: 0,
    };
  }
  const units = new Map(loadUnits(root, locale).map((u) => [u.key, u]));
  const sidecar = readSidecar(root, locale);
  const plan = new Map<
    Unit,
    {
      changes: Map<string, string>;
      states: Map<string, { status: 'translated' | 'checked'; by?: string; date?: string }>;
    }
  >();
  for (const file of files) {
    const unit = units.get(file.original);
    if (!unit) {
      refused.push(
        `${file.original}: no such page, string file, data file or film (renamed or removed since the export?)`,
      );
      continue;
    }
    const hashes = sidecar.units[unit.key]?.hashes;
    for (const tu of file.units) {
      const name = `${unit.key}#${tu.id}`;
      const seg = unit.segments.find((s) => s.id === tu.id);
      if (!seg) {
        refused.push(`${name}: the Dutch no longer has this segment (the text changed since the export); export again`);
        continue;
      }
      if (unit.adaptedIds?.has(seg.id)) {
        refused.push(
          `${name}: this section was adapted on purpose for this language and is edited by hand, not imported (docs/translating.md)`,
        );
        continue;
      }
      const { source, target: current } = inlinePair(seg);
      if (canonical(tu.source) !== canonical(source.parts)) {
        refused.push(
          `${name}: the Dutch source changed since the export; it now reads "${normalizeSpace(plainText(source.parts, new Map(source.placeholders.map((p) => [p.id, p]))))}"; export again`,
        );
        continue;
      }
      if (tu.unsupported.length) {
        refused.push(
          `${name}: unsupported inline elements ${[...new Set(tu.unsupported)].map((n) => `<${n}>`).join(', ')}; keep the <g> and <x/> tags of the export`,
        );
        continue;
      }
      const t = tu.target;
      if (!t || (plainText(t.parts).trim() === '' && placeholderIds(t.parts).length === 0)) continue;
      // Placeholders: each of the Dutch exactly once; others only those the translation already had.
      const ids = placeholderIds(t.parts);
      const count = new Map<string, number>();
      for (const p of ids) count.set(p.id, (count.get(p.id) ?? 0) + 1);
      const problems: string[] = [];
      for (const p of source.placeholders) {
        const n = count.get(p.id) ?? 0;
        if (n !== 1)
          problems.push(
            n === 0
              ? `tag ${p.id} (${describePlaceholder(p).split(':')[0]}) is missing`
              : `tag ${p.id} appears ${n} times`,
          );
        else if (ids.find((x) => x.id === p.id)?.kind !== p.kind) problems.push(`tag ${p.id} changed kind`);
      }
      const known = new Map([...source.placeholders, ...(current?.placeholders ?? [])].map((p) => [p.id, p]));
      for (const [id, n] of count) {
        if (!known.has(id)) problems.push(`tag ${id} is not in the source`);
        else if (n > 1 && !source.placeholders.some((p) => p.id === id)) problems.push(`tag ${id} appears ${n} times`);
      }
      const markup = new Map<string, Placeholder>();
      for (const p of source.placeholders)
        markup.set(p.id, { ...p, open: localizeLinks(p.open, locale), close: localizeLinks(p.close, locale) });
      for (const p of current?.placeholders ?? []) markup.set(p.id, p);
      const text = renderInline(t.parts, markup);
      const textChanged = seg.target === undefined || normalizeSpace(text) !== normalizeSpace(seg.target);
      if (textChanged && seg.max && plainText(t.parts).length > seg.max) {
        problems.push(`${plainText(t.parts).length} characters, the limit here is ${seg.max}`);
      }
      if (problems.length && (textChanged || seg.target === undefined)) {
        refused.push(`${name}: ${problems.join('; ')}`);
        continue;
      }
      const reviewed = tu.approved || t.state === 'signed-off' || t.state === 'final';
      const requested = reviewed ? 'checked' : t.state === 'translated' || textChanged ? 'translated' : undefined;
      if (!requested) continue; // still machine / needs review, and not edited: nothing to record
      let review: { by: string; date: string } | undefined;
      if (requested === 'checked') {
        const phaseName = t.phaseName ?? tu.phaseName;
        const phase = phaseName
          ? file.phases.get(phaseName)
          : file.phases.size === 1
            ? [...file.phases.values()][0]
            : undefined;
        review = reviewerOf(phase, opts);
        if (!review) {
          refused.push(
            `${name}: marked as reviewed, but the file names no reviewer (add <phase phase-name="review" process-name="review" contact-name="…" date="…"/> to the header and phase-name="review" on the target, or run the import with --reviewer "name, role")`,
          );
          continue;
        }
      }
      const before = segmentState(unit, seg, hashes);
      const sameReview = unit.stored?.status === 'checked' && review && unit.stored.by === review.by;
      if (!textChanged && before === requested && (requested !== 'checked' || sameReview)) continue; // already so
      const entry = plan.get(unit) ?? { changes: new Map(), states: new Map() };
      plan.set(unit, entry);
      if (textChanged) entry.changes.set(seg.id, text);
      entry.states.set(seg.id, { status: requested, ...review });
    }
  }
  // A translation that does not follow the Dutch blocks (or does not exist) is rebuilt from the
  // Dutch structure: every segment of it needs a target.
  for (const [unit, entry] of plan) {
    const lacking = unit.segments.filter((s) => s.target === undefined && !entry.changes.has(s.id));
    const groups = new Set([...entry.changes.keys()].map((id) => unit.groupOf(id)));
    const needed = unit.exists ? lacking.filter((s) => groups.has(unit.groupOf(s.id))) : lacking;
    if (needed.length) {
      refused.push(
        `${unit.key}: ${unit.exists ? 'this part of the translation does not follow the Dutch blocks and is rebuilt from them' : 'the translation does not exist yet and is made from this file'}, so these segments need a translation too: ${needed.map((s) => s.id).join(', ')}`,
      );
    }
  }
  if (refused.length) return { locale, refused, written: [], changed: 0 };
  const writes = new Map<string, string>();
  let changed = 0;
  for (const [unit, entry] of plan) {
    const record = (sidecar.units[unit.key] ??= { hashes: {} });
    const oldStates = new Map(unit.segments.map((s) => [s.id, segmentState(unit, s, record.hashes)]));
    for (const id of entry.states.keys()) {
      const seg = unit.segments.find((s) => s.id === id)!;
      record.hashes[id] = segmentHash(seg.text);
      changed += 1;
    }
    record.hashes = Object.fromEntries(
      unit.segments.filter((s) => record.hashes[s.id]).map((s) => [s.id, record.hashes[s.id]!]),
    );
    // The unit's state: the lowest of its segments' (missing or outdated count as unchecked).
    let low: StoredState['status'] = 'checked';
    let review: { by: string; date: string } | undefined;
    for (const s of unit.segments) {
      const now = entry.states.get(s.id);
      const st: StoredState['status'] = now
        ? now.status
        : (() => {
            const o = oldStates.get(s.id);
            return o === 'translated' || o === 'checked' ? o : 'unchecked';
          })();
      if (now?.status === 'checked' && now.by) review = { by: now.by, date: now.date! };
      if (RANK[st] < RANK[low]) low = st;
    }
    if (low === 'checked' && !review && unit.stored?.status === 'checked')
      review = { by: unit.stored.by, date: unit.stored.date };
    const state: StoredState =
      low === 'checked' ? { status: 'checked', by: review!.by, date: review!.date } : { status: low };
    if (unit.kind === 'ui' || unit.kind === 'data') record.state = state;
    for (const [path, text] of unit.write(entry.changes, state)) writes.set(path, text);
  }
  const sidecarText = serializeSidecar(sidecar);
  const sidecarRel = sidecarPath('', locale).replace(/^\//, '');
  const sidecarFile = sidecarPath(root, locale);
  if (!existsSync(sidecarFile) || readFileSync(sidecarFile, 'utf8') !== sidecarText)
    writes.set(sidecarRel, sidecarText);
  const written: string[] = [];
  for (const [rel, text] of writes) {
    const path = join(root, rel);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(rel);
  }
  return { locale, refused, written: written.sort(), changed };
}

/** Records the Dutch hashes of every translated segment that has none yet (the start of the workflow: see docs/translating.md). */
export function baseline(root: string, locale: Locale, adaptSections = false): number {
  const sidecar = readSidecar(root, locale);
  let n = 0;
  for (const unit of loadUnits(root, locale)) {
    const record = (sidecar.units[unit.key] ??= { hashes: {} });
    if (unit.kind === 'ui' || unit.kind === 'data') record.state ??= { status: 'unchecked' };
    if (adaptSections && unit.unpairedSections && Object.keys(unit.unpairedSections).length) {
      record.adapted = { ...record.adapted, ...unit.unpairedSections };
    }
    for (const s of unit.segments) {
      if (s.target === undefined || record.hashes[s.id]) continue;
      record.hashes[s.id] = segmentHash(s.text);
      n += 1;
    }
    record.hashes = Object.fromEntries(
      unit.segments.filter((s) => record.hashes[s.id]).map((s) => [s.id, record.hashes[s.id]!]),
    );
  }
  const path = sidecarPath(root, locale);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeSidecar(sidecar));
  return n;
}
