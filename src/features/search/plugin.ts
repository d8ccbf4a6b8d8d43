import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCALES } from '../../i18n/locales.ts';
import { searchDocuments } from './documents.ts';
import { buildIndex, serialise } from './search.ts';
import { synonymsFor } from './synonyms.ts';

const ID = 'virtual:co3-search';
const RESOLVED = `\0${ID}`;

/** What the build puts in the server bundle: each locale's index as JSON, and the synonym groups. */
export function buildSearchModule(contentDir = 'content'): { code: string; sizes: Record<string, number> } {
  const docs = searchDocuments(contentDir);
  const { synonyms } = synonymsFor(contentDir);
  const indexes = Object.fromEntries(LOCALES.map((l) => [l, serialise(buildIndex(docs[l], l))]));
  const sizes = Object.fromEntries(LOCALES.map((l) => [l, Buffer.byteLength(indexes[l]!)]));
  const code = `export const indexes = ${JSON.stringify(indexes)};\nexport const synonyms = ${JSON.stringify(synonyms)};\n`;
  return { code, sizes };
}

/**
 * The Vite plugin that builds the search index when the server is built (`import { indexes }
 * from 'virtual:co3-search'`): from whatever is in `content/` at that moment. In development it
 * watches `content/`, so an edit is searchable on the next request.
 */
export function searchIndexPlugin(contentDir = 'content') {
  return {
    name: 'co3-search-index',
    resolveId(id: string) {
      return id === ID ? RESOLVED : undefined;
    },
    load(this: { addWatchFile?: (file: string) => void }, id: string) {
      if (id !== RESOLVED) return undefined;
      for (const file of filesIn(resolve(contentDir))) this.addWatchFile?.(file);
      return buildSearchModule(contentDir).code;
    },
  };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path);
    return /\.(md|json|ya?ml|txt)$/.test(name) ? [path] : [];
  });
}
