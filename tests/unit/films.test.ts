import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LOCALE, LOCALES } from '../../src/i18n/locales.ts';
import {
  captionFile,
  captionsOnByDefault,
  clock,
  filmProblems,
  fileSize,
  isoDuration,
  paragraphs,
  transcriptFile,
  versionFor,
} from '../../src/features/films/films.ts';
import { frameableHeaders, isFrameable } from '../../src/lib/security-headers.ts';
import { videoSchema } from '../../src/content/schemas.ts';

const VTT = 'WEBVTT\n\n00:00.000 --> 00:05.000\nHallo\n';
const complete = (): Map<string, string> =>
  new Map(
    LOCALES.flatMap(
      (l) =>
        [
          [captionFile(l), VTT],
          [transcriptFile(l), 'Hallo'],
        ] as [string, string][],
    ),
  );
const film = { slug: 'gezin', duration: 10, named: ['film.mp4'] };

describe('filmProblems', () => {
  it('finds nothing wrong with a complete film', () => {
    const files = complete();
    expect(
      filmProblems(
        film,
        (f) => files.get(f),
        (f) => f === 'film.mp4',
      ),
    ).toEqual([]);
  });

  it('names the film and locale of a missing caption file or transcript', () => {
    const files = complete();
    files.delete('captions.ber.vtt');
    files.set('transcript.de.txt', '  \n');
    expect(
      filmProblems(
        film,
        (f) => files.get(f),
        () => true,
      ),
    ).toEqual([
      'film "gezin" (ber): captions.ber.vtt is missing',
      'film "gezin" (de): transcript.de.txt is missing or empty',
    ]);
  });

  it('names the film and locale of invalid captions, and captions past the end of the film', () => {
    const files = complete();
    files.set('captions.ar.vtt', 'WEBVTT\n\n00:00.000 --> 00:12.000\nTe lang\n');
    files.set('captions.fr.vtt', 'Bonjour');
    const problems = filmProblems(
      film,
      (f) => files.get(f),
      () => true,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^film "gezin" \(ar\): captions\.ar\.vtt is not valid WebVTT: line 3: .*after the end of the film \(10 s\)/,
    );
    expect(problems[1]).toMatch(/^film "gezin" \(fr\): captions\.fr\.vtt is not valid WebVTT: line 1/);
  });

  it('names a media file the metadata lists but the folder lacks', () => {
    const files = complete();
    expect(
      filmProblems(
        film,
        (f) => files.get(f),
        () => false,
      ),
    ).toEqual(['film "gezin": film.mp4 is missing']);
  });
});

describe('the committed films', () => {
  const root = 'content/videos';
  for (const slug of readdirSync(root)) {
    it(`${slug} has valid metadata, captions and transcripts in every language`, () => {
      const dir = join(root, slug);
      const data = videoSchema.parse(parse(readFileSync(join(dir, 'video.yaml'), 'utf8')));
      const variants = Object.values(data.variants);
      const named = [
        data.poster,
        data.download,
        ...data.sources.map((s) => s.file),
        ...variants.flatMap((v) => [v.download, ...(v.poster ? [v.poster] : []), ...v.sources.map((s) => s.file)]),
      ];
      const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
      expect(filmProblems({ slug, duration: data.duration, named }, read, (f) => existsSync(join(dir, f)))).toEqual([]);
    });
  }
  for (const slug of readdirSync(root)) {
    const data = videoSchema.parse(parse(readFileSync(join(root, slug, 'video.yaml'), 'utf8')));
    if (!data.sample) continue;
    it(`sample film ${slug} has a silent version in every language but Dutch, each with its own files`, () => {
      const others = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
      expect(Object.keys(data.variants).sort()).toEqual([...others].sort());
      const files = new Set([...data.sources.map((s) => s.file), data.poster]);
      for (const locale of others) {
        const v = data.variants[locale]!;
        expect(v.spoken, locale).toBe(false);
        expect(
          v.sources.map((s) => s.type.split(';')[0]),
          locale,
        ).toEqual(['video/webm', 'video/mp4']);
        for (const f of [...v.sources.map((s) => s.file), v.poster!]) {
          expect(f, locale).toContain(`.${locale}.`);
          expect(files.has(f), `${f} used twice`).toBe(false);
          files.add(f);
        }
      }
    });
  }
});

describe('videoSchema', () => {
  it('rejects chapters out of order or after the end', () => {
    const meta = parse(readFileSync('content/videos/families/video.yaml', 'utf8'));
    const bad = { ...meta, chapters: [meta.chapters[1], meta.chapters[0], { ...meta.chapters[0], start: 999 }] };
    const result = videoSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'chapters.1: chapters must be in order',
      'chapters.2: starts after the end of the film',
    ]);
  });
});

describe('versionFor', () => {
  const main = [{ file: 'film.mp4', type: 'video/mp4' }];
  const ber = [{ file: 'film.ber.mp4', type: 'video/mp4' }];
  const ar = [{ file: 'film.ar.mp4', type: 'video/mp4' }];
  const playable = {
    sources: main,
    download: 'film.mp4',
    poster: 'poster.jpg',
    variants: {
      ber: { sources: ber, download: 'film.ber.mp4', spoken: true },
      ar: { sources: ar, download: 'film.ar.mp4', poster: 'poster.ar.jpg', spoken: false },
    },
  };
  it('gives the version spoken in the visitor’s language, without captions forced on', () => {
    const version = versionFor(playable, 'ber');
    expect(version).toEqual({
      sources: ber,
      download: 'film.ber.mp4',
      poster: 'poster.jpg',
      language: 'ber',
      spoken: true,
    });
    expect(captionsOnByDefault(version, 'ber', false)).toBe(false);
  });
  it('gives a silent version with the words on screen in the visitor’s language and its own poster; captions would repeat them', () => {
    const version = versionFor(playable, 'ar');
    expect(version).toEqual({
      sources: ar,
      download: 'film.ar.mp4',
      poster: 'poster.ar.jpg',
      language: 'ar',
      spoken: false,
    });
    expect(captionsOnByDefault(version, 'ar', true)).toBe(false);
  });
  it('falls back to the main (Dutch) film with captions when a language has no version', () => {
    const version = versionFor(playable, 'fr');
    expect(version).toEqual({
      sources: main,
      download: 'film.mp4',
      poster: 'poster.jpg',
      language: null,
      spoken: false,
    });
    expect(captionsOnByDefault(version, 'fr', true)).toBe(true);
    expect(captionsOnByDefault(version, 'fr', false)).toBe(true);
  });
  it('leaves the captions off on a Dutch page for the main sample film, whose slides are in Dutch', () => {
    expect(captionsOnByDefault(versionFor(playable, 'nl'), 'nl', true)).toBe(false);
    expect(captionsOnByDefault(versionFor(playable, 'nl'), 'nl', false)).toBe(true);
  });
});

describe('formatting', () => {
  it('writes times as a viewer reads them and as ISO durations', () => {
    expect([clock(0), clock(65), clock(3725)]).toEqual(['0:00', '1:05', '1:02:05']);
    expect([isoDuration(45), isoDuration(60), isoDuration(3725), isoDuration(0)]).toEqual([
      'PT45S',
      'PT1M',
      'PT1H2M5S',
      'PT0S',
    ]);
  });
  it('splits a transcript into paragraphs', () => {
    expect(paragraphs('Een\ntwee.\n\n\nDrie.\n')).toEqual(['Een twee.', 'Drie.']);
  });
  it('writes file sizes', () => {
    expect(fileSize(103_424, 'en')).toBe('101 kB');
    expect(fileSize(5 * 1024 * 1024, 'nl')).toBe('5 MB');
    expect(fileSize(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
  });
});

describe('framing', () => {
  it('lets only the embed route be framed', () => {
    expect(isFrameable('/embed/videos/families/nl/')).toBe(true);
    expect(isFrameable('/nl/videos/families/')).toBe(false);
    expect(isFrameable('/nl/embed/')).toBe(false);
  });
  it('opens frame-ancestors and drops X-Frame-Options, keeping the rest of the policy', () => {
    const headers = [
      { key: 'Content-Security-Policy', value: "default-src 'self';frame-ancestors 'none';object-src 'none'" },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
    ];
    expect(frameableHeaders(headers)).toEqual([
      { key: 'Content-Security-Policy', value: "default-src 'self';frame-ancestors *;object-src 'none'" },
      { key: 'Referrer-Policy', value: 'no-referrer' },
    ]);
  });
});
