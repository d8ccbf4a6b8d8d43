/**
 * Numbers in right-to-left text.
 *
 * In an Arabic sentence the Unicode bidi algorithm lays out the digit groups of "0800 30 030" from
 * right to left ("030 30 0800"): the spaces between the groups take the paragraph's direction. A
 * phone number, postcode or reference must read as written, so it is isolated in
 * `<bdi dir="ltr">`. This module finds those numbers: `isolateNumbersInHtml` rewrites the text of a
 * whole page (the middleware applies it to every right-to-left page, whatever the text came from:
 * locale strings, content JSON, Markdown, server-rendered components); `splitNumbers` is its cut of
 * one text node. Islands (`astro-island`) are skipped: the referral form's Arabic strings carry an
 * LRM before a number (docs/languages.md).
 *
 * A number is isolated when the text before it in its own text node has no Latin letter (or LRM)
 * as its last strong character: after Latin text ("EN 301 549", "Art. 458bis", "CO3-…") the
 * browser already joins the number to the left-to-right phrase, and isolating the number alone
 * would tear the phrase apart.
 *
 * Pure TypeScript, no `astro:*` import, so vitest and the middleware share it.
 */
import { Parser } from 'htmlparser2';

/** One separator between digit groups: a space, a no-break space (raw or as an entity). */
const SPACE = String.raw`(?:[ \u00A0\u202F]|&nbsp;|&#160;|&#xa0;|&#x202f;)`;
/** What may join two digit groups of one number. */
const JOIN = String.raw`(?:${SPACE}|[.,/\-–])`;
/**
 * A number: an optional "+", digit groups joined by one separator each, Latin letters glued to
 * its end ("458bis", "3e") and a percent sign.
 */
const NUMBER_SOURCE = String.raw`\+?\d+(?:${JOIN}\d+)*[a-z]*(?:\u00A0?%)?`;

function numberRe(): RegExp {
  return new RegExp(NUMBER_SOURCE, 'gu');
}

const LATIN_OR_LRM = /[\p{Script=Latin}\u200E]/u;
const STRONG = /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\u200E\u200F]/u;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/giu;

/** Whether the last strong character of `before` (raw HTML text) leaves a number left-to-right. */
function followsLatin(before: string): boolean {
  const text = before.replace(ENTITY, ' ');
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (STRONG.test(ch)) return LATIN_OR_LRM.test(ch);
  }
  return false;
}

export interface TextPart {
  text: string;
  /** Whether the part is a number to isolate left-to-right. */
  isolate: boolean;
}

/**
 * Cuts text into plain parts and numbers to isolate.
 * @example splitNumbers('بالرقم 0800 30 030.') // => [{text:'بالرقم ',isolate:false},{text:'0800 30 030',isolate:true},{text:'.',isolate:false}]
 * @example splitNumbers('EN 301 549') // => [{text:'EN 301 549',isolate:false}]
 */
export function splitNumbers(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(numberRe())) {
    const start = m.index;
    // Inside a word ("CO3", "x2") the number is part of it.
    if (start > 0 && /[\p{Script=Latin}\p{N}_]/u.test(text[start - 1]!)) continue;
    if (followsLatin(text.slice(0, start))) continue;
    if (start > last) parts.push({ text: text.slice(last, start), isolate: false });
    parts.push({ text: m[0], isolate: true });
    last = start + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), isolate: false });
  return parts;
}

/** Elements whose text is not rewritten: raw text, form options, SVG, islands (React renders them). */
const SKIP = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'option',
  'select',
  'svg',
  'math',
  'bdi',
  'astro-island',
  'template',
  'head',
]);

export const ISOLATE_OPEN = '<bdi dir="ltr">';
export const ISOLATE_CLOSE = '</bdi>';

/**
 * Wraps every number in the text of an HTML document (or fragment) in `<bdi dir="ltr">`. Tags,
 * attributes, scripts and styles are left byte for byte as they were.
 */
export function isolateNumbersInHtml(html: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let skip = 0;
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skip++;
      },
      onclosetag(name) {
        if (SKIP.has(name) && skip > 0) skip--;
      },
      ontext(data) {
        if (skip > 0 || !/\d/.test(data)) return;
        const parts = splitNumbers(data);
        if (!parts.some((p) => p.isolate)) return;
        const text = parts.map((p) => (p.isolate ? `${ISOLATE_OPEN}${p.text}${ISOLATE_CLOSE}` : p.text)).join('');
        edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text });
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  if (edits.length === 0) return html;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}
