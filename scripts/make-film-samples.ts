// Makes the sample films that stand in for CO3's real films until those are dropped in (see
// README, "Films"). For each film whose video.yaml says `sample: true`, one slide per Dutch
// caption cue (so slides and captions can never drift apart), rendered by the system Chromium
// (it shapes every script correctly), then put together by ffmpeg as WebM (VP9) and MP4
// (H.264), with a poster. No sound: the captions carry the text in six languages.
//
// Needs ffmpeg (Debian: `apt-get install ffmpeg`) and Chromium. The outputs are committed, so
// building and testing the site needs neither. Usage: npm run films:samples
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parse } from 'yaml';
import { checkWebVtt, cueText } from '../src/lib/webvtt.ts';

const root = join(process.cwd(), 'content/videos');
const ffmpeg = process.env['FFMPEG'] ?? 'ffmpeg';
const WIDTH = 640;
const HEIGHT = 360;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function slide(title: string, text: string, big: boolean): string {
  // The lower third stays empty: that is where the player draws the captions.
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
    *{box-sizing:border-box}
    body{margin:0;width:${WIDTH}px;height:${HEIGHT}px;background:#0b4f6c;color:#fff;
      font-family:"Noto Sans","DejaVu Sans",sans-serif;display:flex;flex-direction:column;padding:18px 28px}
    .badge{align-self:flex-start;background:#fde047;color:#000;font-weight:800;font-size:15px;padding:3px 10px;letter-spacing:.06em}
    .title{font-size:14px;margin-top:8px;opacity:.9}
    .text{font-size:${big ? 30 : 25}px;font-weight:700;line-height:1.25;margin-top:18px;max-height:190px;overflow:hidden}
    .foot{margin-top:auto;font-size:13px;opacity:.85}
  </style></head><body>
    <div class="badge">VOORBEELD · SAMPLE</div>
    <div class="title">${escape(title)}</div>
    <div class="text">${escape(text)}</div>
    <div class="foot">CO3 · Veilig Huis — 1712</div>
  </body></html>`;
}

const only = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
for (const slug of readdirSync(root).sort()) {
  const dir = join(root, slug);
  if (only.length > 0 && !only.includes(slug)) continue;
  let meta: { sample?: boolean; duration: number; title: Record<string, string> };
  try {
    meta = parse(readFileSync(join(dir, 'video.yaml'), 'utf8'));
  } catch {
    continue;
  }
  if (!meta.sample) continue;
  const { cues, errors } = checkWebVtt(readFileSync(join(dir, 'captions.nl.vtt'), 'utf8'), meta.duration);
  if (errors.length > 0) throw new Error(`${slug}: captions.nl.vtt: ${errors.join('; ')}`);

  const work = mkdtempSync(join(tmpdir(), `film-${slug}-`));
  const title = meta.title['nl'] ?? slug;
  // One slide per stretch of time: a cue, or the gap before it (which shows the title).
  const parts: { png: string; seconds: number }[] = [];
  let t = 0;
  const shoot = async (html: string, seconds: number) => {
    const png = join(work, `s${parts.length}.png`);
    await page.setContent(html);
    await page.screenshot({ path: png });
    parts.push({ png, seconds });
  };
  for (const cue of cues) {
    if (cue.start > t) await shoot(slide(title, title, true), cue.start - t);
    await shoot(slide(title, cueText(cue.text), cue.text.length < 70), cue.end - cue.start);
    t = cue.end;
  }
  if (meta.duration > t) await shoot(slide(title, title, true), meta.duration - t);
  await page.setContent(slide(title, title, true));
  await page.screenshot({ path: join(dir, 'poster.jpg'), type: 'jpeg', quality: 70 });

  // The concat demuxer shows each image for its duration; the last one is listed twice
  // because ffmpeg ignores the duration of the final entry.
  const list = parts.map((p) => `file '${p.png}'\nduration ${p.seconds}`).join('\n') + `\nfile '${parts.at(-1)!.png}'\n`;
  writeFileSync(join(work, 'list.txt'), list);
  const input = ['-y', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', join(work, 'list.txt')];
  const common = ['-t', String(meta.duration), '-vf', 'fps=10,format=yuv420p', '-an', '-map_metadata', '-1', '-fflags', '+bitexact'];
  execFileSync(ffmpeg, [...input, ...common, '-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '45', '-g', '100', '-row-mt', '1', join(dir, 'sample.webm')]);
  execFileSync(ffmpeg, [
    ...input,
    ...common,
    '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryslow', '-tune', 'stillimage', '-crf', '30', '-g', '100',
    '-movflags', '+faststart', join(dir, 'sample.mp4'),
  ]);
  rmSync(work, { recursive: true });
  const size = (f: string) => `${(statSync(join(dir, f)).size / 1024).toFixed(0)} kB`;
  console.log(`${slug}: ${meta.duration} s, sample.webm ${size('sample.webm')}, sample.mp4 ${size('sample.mp4')}, poster.jpg ${size('poster.jpg')}`);
}
await browser.close();
