/**
 * A strict-enough WebVTT check for the portal's caption files (pure: no file access).
 *
 * Browsers skip a cue they cannot parse without saying anything, so a typo in a timestamp
 * would silently drop a caption for a visitor who depends on it. The build runs this check on
 * every caption file and stops with the film, the locale and the line.
 *
 * It covers what caption files here use: the `WEBVTT` header, optional NOTE/STYLE/REGION
 * blocks, cues with an optional identifier, `start --> end` timings with optional cue settings,
 * and a text. Cues must not overlap (one caption on screen at a time is easier to read and is
 * what a transcript follows) and must end within the film.
 */

export interface Cue {
  id?: string;
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
  text: string;
  /** 1-based line of the timing line, for messages. */
  line: number;
}

export interface VttResult {
  cues: Cue[];
  errors: string[];
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/**
 * Seconds from a WebVTT timestamp, or null when it is not one.
 * @example parseTimestamp('01:02.500') // => 62.5
 * @example parseTimestamp('1:02.5') // => null (minutes need two digits, milliseconds three)
 */
export function parseTimestamp(value: string): number | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [, h = '0', min = '0', s = '0', ms = '0'] = m;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(ms) / 1000;
}

/**
 * Parses a WebVTT file and lists what is wrong with it. `duration` (seconds) bounds the cues.
 * @example checkWebVtt('WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n', 10).errors // => []
 */
export function checkWebVtt(text: string, duration?: number): VttResult {
  const errors: string[] = [];
  const cues: Cue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    errors.push('line 1: a WebVTT file starts with "WEBVTT"');
    return { cues, errors };
  }
  // Blocks are separated by blank lines; the header block runs until the first blank line.
  let i = 1;
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    const first = block[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingIndex = first.includes('-->') ? 0 : 1;
    const id = timingIndex === 1 ? first : undefined;
    const timing = block[timingIndex];
    const lineNo = start + timingIndex + 1;
    if (timing === undefined || !timing.includes('-->')) {
      errors.push(`line ${start + 1}: a cue needs a timing line "00:00.000 --> 00:02.000"`);
      continue;
    }
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(timing);
    const from = m ? parseTimestamp(m[1]!) : null;
    const to = m ? parseTimestamp(m[2]!) : null;
    if (from === null || to === null) {
      errors.push(`line ${lineNo}: bad timing "${timing}" (expected "mm:ss.ttt --> mm:ss.ttt")`);
      continue;
    }
    const textLines = block.slice(timingIndex + 1);
    if (textLines.some((l) => l.includes('-->'))) {
      errors.push(`line ${lineNo}: a cue's text contains "-->" (a missing blank line between cues?)`);
      continue;
    }
    if (to <= from) errors.push(`line ${lineNo}: the cue ends (${m![2]}) before it starts (${m![1]})`);
    const previous = cues.at(-1);
    if (previous && from < previous.end) {
      errors.push(`line ${lineNo}: the cue starts (${m![1]}) before the previous cue ends (line ${previous.line})`);
    }
    if (duration !== undefined && to > duration + 0.001) {
      errors.push(`line ${lineNo}: the cue ends at ${m![2]}, after the end of the film (${duration} s)`);
    }
    const body = textLines.join('\n').trim();
    if (body === '') errors.push(`line ${lineNo}: the cue has no text`);
    cues.push({ ...(id ? { id } : {}), start: from, end: to, text: body, line: lineNo });
  }
  if (cues.length === 0 && errors.length === 0) errors.push('the file has no cues');
  return { cues, errors };
}

/**
 * Cue text without WebVTT markup (`<v Name>`, `<i>`, `<c.x>`, timestamps) and entities, for a
 * transcript or a slide.
 * @example cueText('<v Ana>Hallo &amp; welkom</v>') // => 'Hallo & welkom'
 */
export function cueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
