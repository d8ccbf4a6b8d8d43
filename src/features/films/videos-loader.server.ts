import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { LOCALES } from '../../i18n/locales';
import { filmProblems, transcriptFile } from './films';

/**
 * Loads `content/videos/<slug>/video.yaml` and checks the files next to it: captions and a
 * transcript in every locale, valid WebVTT that ends within the film, and every media file the
 * metadata names. Any problem stops the build with the film and locale, because a visitor who
 * relies on captions would otherwise get a film without them and no one would notice.
 */
export function videosLoader(base = './content/videos'): Loader {
  return {
    name: 'co3-videos',
    load: async ({ store, parseData, logger, watcher }) => {
      const root = join(process.cwd(), base);
      watcher?.add(root);
      store.clear();
      const problems: string[] = [];
      for (const slug of readdirSync(root).sort()) {
        const dir = join(root, slug);
        const meta = join(dir, 'video.yaml');
        if (!statSync(dir).isDirectory() || !existsSync(meta)) continue;
        const raw = parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
        const read = (file: string) => {
          const path = join(dir, file);
          return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        };
        // Files first, so one build lists every missing or broken caption file and transcript
        // by name; the schema then checks the metadata itself.
        const duration = typeof raw['duration'] === 'number' ? raw['duration'] : undefined; // the schema says why
        const files = (list: unknown) => (Array.isArray(list) ? list.map((s) => String(s?.file)) : []);
        const variants = Object.values(
          (raw['variants'] ?? {}) as Record<string, { sources?: unknown; download?: unknown; poster?: unknown }>,
        );
        const named = [
          raw['poster'],
          raw['download'],
          ...files(raw['sources']),
          ...variants.flatMap((v) => [v.download, v.poster, ...files(v.sources)]),
        ].filter((f): f is string => typeof f === 'string');
        const found = filmProblems({ slug, duration, named }, read, (f) => existsSync(join(dir, f)));
        problems.push(...found);
        if (found.length > 0) continue;
        const transcript = Object.fromEntries(LOCALES.map((l) => [l, read(transcriptFile(l)) ?? '']));
        const bytes = Object.fromEntries(named.map((f) => [f, statSync(join(dir, f)).size]));
        // parseData validates against the collection's schema (videoSchema in content.config.ts).
        const data = await parseData({
          id: slug,
          data: { ...raw, transcript, bytes },
          filePath: `${base}/${slug}/video.yaml`,
        });
        store.set({ id: slug, data });
      }
      if (problems.length > 0) {
        throw new Error(`The film library has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      }
      logger.info(`${store.keys().length} films, captions and transcripts in ${LOCALES.length} languages`);
    },
  };
}
