// Makes the sample films that stand in for CO3's real films until those are dropped in (see
// docs/content.md, "Films"). For each film whose video.yaml says `sample: true`, and for each locale with
// captions, one slide per caption cue of THAT locale (so slides and captions can never drift
// apart, and an Arabic family reads Arabic on screen, right to left), rendered by the system
// Chromium (it shapes every script correctly), then put together by ffmpeg as WebM (VP9) and
// MP4 (H.264), with a poster. No sound: the captions carry the text in six languages.
//
// The Dutch version is the main film (`sample.webm`, `sample.mp4`, `poster.jpg`); every other
// locale becomes a variant in video.yaml (`sample.<l>.webm` …, `spoken: false`: its words are on
// screen, not spoken), which the film pages play in that locale. A locale without captions keeps
// the Dutch film.
//
// The lower 40 % of every slide stays empty: that is where the player draws the captions, which
// on a 390 px phone take up to four lines.
//
// Needs ffmpeg (Debian: `apt-get install ffmpeg`), Chromium and the Noto fonts
// (`apt-get install fonts-noto-core`: Noto Sans, Noto Naskh Arabic). The outputs are committed,
// so building and testing the site needs none of them. Usage: npm run films:samples [slug …]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parse, parseDocument } from 'yaml';
import { DEFAULT_LOCALE, LOCALES, LOCALE_INFO, type Locale } from '../src/i18n/locales.ts';
import { escapeMarkup } from '../src/lib/escape.ts';
import { captionFile } from '../src/features/films/films.ts';
import { checkWebVtt, cueText } from '../src/features/films/webvtt.ts';

const root = join(process.cwd(), 'content/videos');
const ffmpeg = process.env['FFMPEG'] ?? 'ffmpeg';
const WIDTH = 640;
const HEIGHT = 360;
/** The slide text ends above this line; below it the captions have the picture to themselves. */
const TEXT_BOTTOM = Math.round(HEIGHT * 0.6);

/** The file names of a locale's version: the Dutch one is the main film. */
const versionFiles = (locale: Locale) => {
  const tag = locale === DEFAULT_LOCALE ? '' : `.${locale}`;
  return { webm: `sample${tag}.webm`, mp4: `sample${tag}.mp4`, poster: `poster${tag}.jpg` };
};

/** The word on the slides' badge, from the locale's player strings (`videos:sampleBadge`). */
const badge = (locale: Locale) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'locales', locale, 'videos.json'), 'utf8')) as Record<string, string>)[
    'sampleBadge'
  ]!;

function slide(locale: Locale, title: string, text: string): string {
  const info = LOCALE_INFO[locale];
  const arabic = locale === 'ar';
  const font = arabic
    ? '"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",sans-serif'
    : '"Noto Sans","DejaVu Sans",sans-serif';
  return `<!doctype html><html lang="${info.htmlLang}" dir="${info.dir}"><head><meta charset="utf-8"><style>
    *{box-sizing:border-box}
    body{margin:0;width:${WIDTH}px;height:${HEIGHT}px;background:#0b4f6c;color:#fff;font-family:${font};
      padding:16px 28px 0;position:relative;overflow:hidden}
    .top{display:flex;justify-content:space-between;align-items:center;gap:12px;font-size:14px}
    .badge{background:#fde047;color:#000;font-weight:800;font-size:15px;padding:2px 10px;letter-spacing:${arabic ? '0' : '.06em'}}
    .brand{opacity:.9;white-space:nowrap}
    .title{font-size:15px;margin-top:6px;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
    .text{position:absolute;inset-inline:28px;top:78px;bottom:${HEIGHT - TEXT_BOTTOM}px;display:flex;align-items:center}
    .text p{margin:0;font-weight:700;line-height:${arabic ? 1.45 : 1.25};font-size:34px}
    .band{position:absolute;inset-inline:0;bottom:0;height:${HEIGHT - TEXT_BOTTOM - 8}px;background:#073347}
  </style></head><body>
    <div class="top"><span class="badge">${escapeMarkup(badge(locale))}</span><span class="brand" dir="ltr">CO3 · Veilig Huis · 1712</span></div>
    <div class="title">${escapeMarkup(title)}</div>
    <div class="text"><p>${escapeMarkup(text)}</p></div>
    <div class="band"></div>
  </body></html>`;
}

const only = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });

/** Renders a slide and shrinks its text until it fits above the caption band. */
async function shoot(html: string, path: string, type: 'png' | 'jpeg' = 'png') {
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('.text')!;
    const p = box.querySelector<HTMLElement>('p')!;
    for (let size = 34; size >= 16 && p.offsetHeight > box.clientHeight; size--) p.style.fontSize = `${size}px`;
  });
  await page.screenshot({ path, type, ...(type === 'jpeg' ? { quality: 60 } : {}) });
}

for (const slug of readdirSync(root).sort()) {
  const dir = join(root, slug);
  if (only.length > 0 && !only.includes(slug)) continue;
  if (!existsSync(join(dir, 'video.yaml'))) continue;
  const yamlText = readFileSync(join(dir, 'video.yaml'), 'utf8');
  const meta = parse(yamlText) as { sample?: boolean; duration: number; title: Record<string, string> };
  if (!meta.sample) continue;
  const doc = parseDocument(yamlText);

  for (const locale of LOCALES) {
    if (!existsSync(join(dir, captionFile(locale)))) continue;
    const { cues, errors } = checkWebVtt(readFileSync(join(dir, captionFile(locale)), 'utf8'), meta.duration);
    if (errors.length > 0) throw new Error(`${slug}: ${captionFile(locale)}: ${errors.join('; ')}`);
    const files = versionFiles(locale);
    const work = mkdtempSync(join(tmpdir(), `film-${slug}-${locale}-`));
    const title = meta.title[locale] ?? meta.title[DEFAULT_LOCALE] ?? slug;
    // One slide per stretch of time: a cue, or the gap before it (which shows the title).
    const parts: { png: string; seconds: number }[] = [];
    const add = async (text: string, seconds: number) => {
      const png = join(work, `s${parts.length}.png`);
      await shoot(slide(locale, title, text), png);
      parts.push({ png, seconds });
    };
    let t = 0;
    for (const cue of cues) {
      if (cue.start > t) await add(title, cue.start - t);
      await add(cueText(cue.text), cue.end - cue.start);
      t = cue.end;
    }
    if (meta.duration > t) await add(title, meta.duration - t);
    await shoot(slide(locale, title, title), join(dir, files.poster), 'jpeg');

    // The concat demuxer shows each image for its duration; the last one is listed twice
    // because ffmpeg ignores the duration of the final entry. Two frames a second and a single
    // keyframe keep each version small: the slides are stills, so a frame costs almost nothing
    // until the slide changes, and a seek decodes at most 2 × duration tiny frames.
    const list = `${parts.map((p) => `file '${p.png}'\nduration ${p.seconds}`).join('\n')}\nfile '${parts.at(-1)!.png}'\n`;
    writeFileSync(join(work, 'list.txt'), list);
    const input = ['-y', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', join(work, 'list.txt')];
    const common = [
      '-t',
      String(meta.duration),
      '-vf',
      'fps=2,format=yuv420p',
      '-an',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
    ];
    execFileSync(ffmpeg, [
      ...input,
      ...common,
      '-c:v',
      'libvpx-vp9',
      '-b:v',
      '0',
      '-crf',
      '56',
      '-g',
      '9999',
      '-row-mt',
      '1',
      join(dir, files.webm),
    ]);
    execFileSync(ffmpeg, [
      ...input,
      ...common,
      '-c:v',
      'libx264',
      '-profile:v',
      'baseline',
      '-preset',
      'veryslow',
      '-tune',
      'stillimage',
      '-crf',
      '38',
      '-g',
      '9999',
      '-movflags',
      '+faststart',
      join(dir, files.mp4),
    ]);
    rmSync(work, { recursive: true });
    const size = (f: string) => `${(statSync(join(dir, f)).size / 1024).toFixed(0)} kB`;
    console.log(
      `${slug} (${locale}): ${meta.duration} s, ${files.webm} ${size(files.webm)}, ${files.mp4} ${size(files.mp4)}, ${files.poster} ${size(files.poster)}`,
    );

    // Every locale but Dutch is a variant of the main film: same cut, words on screen.
    if (locale !== DEFAULT_LOCALE) {
      doc.setIn(
        ['variants', locale],
        doc.createNode({
          sources: [
            { file: files.webm, type: 'video/webm; codecs="vp9"' },
            { file: files.mp4, type: 'video/mp4; codecs="avc1.42E01E"' },
          ],
          download: files.mp4,
          poster: files.poster,
          spoken: false,
        }),
      );
    }
  }
  writeFileSync(join(dir, 'video.yaml'), doc.toString({ lineWidth: 0 }));
}
await browser.close();
