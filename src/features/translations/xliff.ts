/**
 * XLIFF 1.2 for the translation workflow (docs/translating.md): writing the export and
 * reading a file back. Why 1.2 and not 2.0: see docs/translating.md ("Why XLIFF 1.2").
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Part } from '../../i18n/segments.ts';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline parts as XLIFF 1.2 content: text, `<x/>` for atomic placeholders, `<g>` around text. */
export function partsToXml(
  parts: Part[],
  describe: (id: string) => { ctype: string; equiv?: string | undefined },
): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeXml(p);
      if ('x' in p) {
        const d = describe(p.x);
        return `<x id="${escapeXml(p.x)}" ctype="${escapeXml(d.ctype)}"${d.equiv ? ` equiv-text="${escapeXml(d.equiv)}"` : ''}/>`;
      }
      const d = describe(p.g);
      return `<g id="${escapeXml(p.g)}" ctype="${escapeXml(d.ctype)}">${partsToXml(p.children, describe)}</g>`;
    })
    .join('');
}

/** Inline parts without the placeholders' descriptions: the canonical form two texts are compared in. */
export function canonical(parts: Part[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'x' in p ? `<x${p.x}/>` : `<g${p.g}>${canonical(p.children)}</g${p.g}>`))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ReadUnit {
  id: string;
  approved: boolean;
  phaseName?: string | undefined;
  source: Part[];
  target?:
    | { parts: Part[]; state?: string | undefined; qualifier?: string | undefined; phaseName?: string | undefined }
    | undefined;
  /** Inline elements the import does not understand (bx, ex, ph, it, bpt, ept). */
  unsupported: string[];
}

export interface ReadPhase {
  name: string;
  process?: string | undefined;
  contact?: string | undefined;
  company?: string | undefined;
  date?: string | undefined;
}

export interface ReadFile {
  original: string;
  targetLanguage: string;
  phases: Map<string, ReadPhase>;
  units: ReadUnit[];
}

const local = (name: string) => name.replace(/^.*:/, '');
const elements = (nodes: ChildNode[] | undefined, name: string): Element[] =>
  (nodes ?? []).filter((n): n is Element => n.type === 'tag' && local(n.name) === name);
const all = (node: Element, name: string): Element[] => {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'tag') continue;
      if (local(c.name) === name) out.push(c);
      else walk(c);
    }
  };
  walk(node);
  return out;
};

function readParts(node: Element, unsupported: string[]): Part[] {
  const out: Part[] = [];
  for (const c of node.children) {
    if (c.type === 'text') out.push(c.data);
    else if (c.type === 'cdata') out.push(c.children.map((t) => (t.type === 'text' ? t.data : '')).join(''));
    else if (c.type === 'tag') {
      const name = local(c.name);
      if (name === 'x') out.push({ x: c.attribs['id'] ?? '' });
      else if (name === 'g') out.push({ g: c.attribs['id'] ?? '', children: readParts(c, unsupported) });
      else if (name === 'mrk')
        out.push(...readParts(c, unsupported)); // segmentation or comment marks: their text counts
      else unsupported.push(name);
    }
  }
  // Merge adjacent strings.
  return out.reduce<Part[]>((acc, p) => {
    const last = acc[acc.length - 1];
    if (typeof p === 'string' && typeof last === 'string') acc[acc.length - 1] = last + p;
    else acc.push(p);
    return acc;
  }, []);
}

/** Reads an XLIFF 1.2 file; throws with a clear message when it is not one. */
export function readXliff(xml: string): ReadFile[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const root = elements(doc.children, 'xliff')[0];
  if (!root) throw new Error('not an XLIFF file (no <xliff> element)');
  const version = root.attribs['version'];
  if (version !== '1.2' && version !== '1.1')
    throw new Error(`XLIFF version ${version ?? '?'}: this import reads XLIFF 1.2`);
  return elements(root.children, 'file').map((file) => {
    const phases = new Map<string, ReadPhase>();
    for (const header of elements(file.children, 'header')) {
      for (const ph of all(header, 'phase')) {
        const a = ph.attribs;
        phases.set(a['phase-name'] ?? '', {
          name: a['phase-name'] ?? '',
          process: a['process-name'],
          contact: a['contact-name'],
          company: a['company-name'],
          date: a['date'],
        });
      }
    }
    const units = all(file, 'trans-unit').map((tu) => {
      const unsupported: string[] = [];
      const source = elements(tu.children, 'source')[0];
      const target = elements(tu.children, 'target')[0];
      return {
        id: tu.attribs['id'] ?? '',
        approved: tu.attribs['approved'] === 'yes',
        phaseName: tu.attribs['phase-name'],
        source: source ? readParts(source, unsupported) : [],
        target: target
          ? {
              parts: readParts(target, unsupported),
              state: target.attribs['state'],
              qualifier: target.attribs['state-qualifier'],
              phaseName: target.attribs['phase-name'],
            }
          : undefined,
        unsupported,
      };
    });
    return {
      original: file.attribs['original'] ?? '',
      targetLanguage: file.attribs['target-language'] ?? '',
      phases,
      units,
    };
  });
}
