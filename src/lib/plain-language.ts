/**
 * The plain-language check for the families pages (issue 14): a list of jargon words that a
 * page must explain the first time it uses them, and a sentence-length limit. Pure: the unit
 * test feeds it the Markdown of each families page in each locale (docs/plain-language.md).
 *
 * - A term counts as explained when its first use (in reading order: title, description, body,
 *   questions and answers) is followed by a gloss in parentheses: "het CAW (een welzijnsdienst)".
 *   A use inside someone else's gloss does not count as a first use.
 * - Quoted text ("…", “…”, «…», „…“) is exempt from both checks: a law is quoted exactly.
 */
export interface JargonTerm {
  /** The word as editors know it, for messages. */
  term: string;
  /** A regular expression (case-insensitive, Unicode) matching the word and its forms. */
  pattern: string;
}

export interface PlainLanguageRules {
  /** Longest sentence allowed, in words. */
  maxWords: number;
  jargon: JargonTerm[];
}

export interface PageText {
  /** e.g. `nl/families`, named in the findings. */
  id: string;
  title: string;
  description: string;
  /** The Markdown body. */
  body: string;
  faq?: { q: string; a: string }[] | undefined;
}

export type Finding =
  | { page: string; kind: 'jargon'; term: string; sentence: string }
  | { page: string; kind: 'length'; words: number; sentence: string };

const QUOTED = /"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»/g;

/**
 * Markdown to plain lines: one line per heading, list item or paragraph; links keep their
 * text, emphasis marks and HTML go.
 * @example plainLines('## Wie?\n\n- **1712**: bel [1712](tel:1712).') // => ['Wie?', '1712: bel 1712.']
 */
export function plainLines(markdown: string): string[] {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#{1,6})\s)/)
    .map((block) =>
      block
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*(?:#{1,6}|[-*+]|\d+\.)\s+/, '')
        .replace(/[*_`]{1,3}/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The sentences of a line: split after . ! ? ؟ followed by a space.
 * @example sentences('Bel 1712. Is er gevaar? Bel 112.') // => ['Bel 1712.', 'Is er gevaar?', 'Bel 112.']
 */
export function sentences(line: string): string[] {
  return line
    .split(/(?<=[.!?؟])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Words in a sentence, a quoted passage counting as one. */
export function wordCount(sentence: string): number {
  return sentence
    .replace(QUOTED, ' «quote» ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Character ranges of the parenthetical glosses in a text. */
function glossRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length > 0) {
      const start = stack.pop()!;
      if (stack.length === 0) ranges.push([start, i]);
    }
  }
  return ranges;
}

/** The page's text in reading order, one unit per heading, paragraph, list item, question or answer. */
export function pageUnits(page: PageText): string[] {
  return [
    page.title,
    page.description,
    ...plainLines(page.body),
    ...(page.faq ?? []).flatMap(({ q, a }) => [q, a]),
  ].map((s) => s.replace(/\s+/g, ' ').trim());
}

/** Every place where the page breaks the rules; an empty list when it keeps them. */
export function checkPage(page: PageText, rules: PlainLanguageRules): Finding[] {
  // Quoted text (a law quoted exactly) is neither measured nor searched for jargon.
  const units = pageUnits(page).map((unit) => unit.replace(QUOTED, '«…»'));
  const findings: Finding[] = [];
  for (const unit of units) {
    for (const sentence of sentences(unit)) {
      const words = wordCount(sentence);
      if (words > rules.maxWords) findings.push({ page: page.id, kind: 'length', words, sentence });
    }
  }
  for (const { term, pattern } of rules.jargon) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})[\\p{L}\\p{M}'’-]*`, 'giu');
    first: for (const unit of units) {
      const glosses = glossRanges(unit);
      for (const match of unit.matchAll(re)) {
        const at = match.index ?? 0;
        if (glosses.some(([s, e]) => at > s && at < e)) continue; // inside another word's gloss
        const after = unit.slice(at + match[0].length);
        if (!/^\s*\(/.test(after)) {
          const sentence = sentences(unit).find((s) => s.includes(match[0])) ?? unit;
          findings.push({ page: page.id, kind: 'jargon', term, sentence });
        }
        break first;
      }
    }
  }
  return findings;
}

/** One finding as a line of a test failure: the page, what is wrong, the sentence. */
export function formatFinding(f: Finding): string {
  return f.kind === 'jargon'
    ? `${f.page}: "${f.term}" is not explained at first use: ${f.sentence}`
    : `${f.page}: sentence of ${f.words} words: ${f.sentence}`;
}
