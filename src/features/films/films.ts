/**
 * The film library's rules, pure: which files a film needs, which version a visitor gets, how
 * times are written. File access lives in `videos-loader.server.ts`.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import { checkWebVtt } from './webvtt.ts';

/** The caption file of a film in a locale, in the film's folder. */
export const captionFile = (locale: Locale) => `captions.${locale}.vtt`;
/** The transcript of a film in a locale: plain text, paragraphs separated by a blank line. */
export const transcriptFile = (locale: Locale) => `transcript.${locale}.txt`;

export interface FilmFiles {
  slug: string;
  /** Seconds; undefined when the metadata lacks it (the schema reports that). */
  duration: number | undefined;
  /** Every media, poster and download file the metadata names. */
  named: string[];
}

/**
 * Everything wrong with a film's files, each message naming the film and, where it applies,
 * the locale. `read` returns a file's text, or undefined when the file does not exist; `exists`
 * answers for media files (which are not read: a real film is large).
 * @example filmProblems({ slug: 'x', duration: 10, named: [] }, () => undefined, () => false)[0]
 *   // => 'film "x" (nl): captions.nl.vtt is missing'
 */
export function filmProblems(
  film: FilmFiles,
  read: (file: string) => string | undefined,
  exists: (file: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const where = `film "${film.slug}" (${locale})`;
    const vtt = read(captionFile(locale));
    if (vtt === undefined) problems.push(`${where}: ${captionFile(locale)} is missing`);
    else {
      for (const error of checkWebVtt(vtt, film.duration).errors) {
        problems.push(`${where}: ${captionFile(locale)} is not valid WebVTT: ${error}`);
      }
    }
    const transcript = read(transcriptFile(locale));
    if (transcript === undefined || transcript.trim() === '') {
      problems.push(`${where}: ${transcriptFile(locale)} is missing or empty`);
    }
  }
  for (const file of new Set(film.named)) {
    if (!exists(file)) problems.push(`film "${film.slug}": ${file} is missing`);
  }
  return problems;
}

export interface Source {
  file: string;
  type: string;
}

export interface Playable {
  sources: Source[];
  download: string;
  poster: string;
  variants: Partial<
    Record<Locale, { sources: Source[]; download: string; poster?: string | undefined; spoken: boolean }>
  >;
}

export interface Version {
  sources: Source[];
  download: string;
  poster: string;
  /** The language the version is in (spoken or on screen), or null for the main film. */
  language: Locale | null;
  /** Whether that language is spoken; false for a silent version with its words on screen. */
  spoken: boolean;
}

/**
 * The version of a film for a visitor: the one in their language when it exists (spoken, or
 * with its words on screen), otherwise the main film (with captions in their language).
 * @example versionFor({ sources: [a], download: 'a.mp4', poster: 'p.jpg', variants: { ber: { sources: [b], download: 'b.mp4', spoken: true } } }, 'ber')
 *   // => { sources: [b], download: 'b.mp4', poster: 'p.jpg', language: 'ber', spoken: true }
 */
export function versionFor(film: Playable, locale: Locale): Version {
  const variant = film.variants[locale];
  return variant
    ? {
        sources: variant.sources,
        download: variant.download,
        poster: variant.poster ?? film.poster,
        language: locale,
        spoken: variant.spoken,
      }
    : { sources: film.sources, download: film.download, poster: film.poster, language: null, spoken: false };
}

/**
 * Whether the captions in the page's language are switched on by default: only when the page's
 * language is neither spoken nor on screen already. A version in that language (spoken, or a
 * silent one with its words on screen) has them off, and so has the main sample film on a Dutch
 * page (its slides are the Dutch captions); the captions of every language stay one click away.
 * @example captionsOnByDefault({ language: null }, 'fr', true) // => true
 * @example captionsOnByDefault({ language: 'ar' }, 'ar', true) // => false
 */
export function captionsOnByDefault(version: Pick<Version, 'language'>, locale: Locale, sample: boolean): boolean {
  if (version.language !== null) return false;
  return !(sample && locale === DEFAULT_LOCALE);
}

/**
 * A time as a viewer reads it.
 * @example clock(65) // => '1:05'
 * @example clock(3725) // => '1:02:05'
 */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * An ISO 8601 duration for structured data.
 * @example isoDuration(65) // => 'PT1M5S'
 */
export function isoDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60 || (!h && !m) ? `${s % 60}S` : ''}`;
}

/** A transcript's paragraphs: blank lines separate them, single newlines are kept as spaces. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/**
 * A file size for a download link, in the locale's number format.
 * @example fileSize(123456, 'nl') // => '121 kB'
 */
export function fileSize(bytes: number, locale: string): string {
  const nf = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024 * 1024) return `${nf(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
  return `${nf(bytes / (1024 * 1024), 1)} MB`;
}
