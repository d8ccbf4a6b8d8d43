// Renders the press-kit logo PNG and one Open Graph card per campaign and language with the
// system Chromium (HarfBuzz shapes Arabic correctly; satori does not lay out right-to-left text).
// The PNGs are committed, so building the site needs no browser. Usage: npm run images
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { readCampaignCards } from '../tools/campaign-cards.ts';
import { cardHash } from '../src/lib/og-card.ts';
import { escapeMarkup } from '../src/lib/escape.ts';

const root = process.cwd();
const RTL = new Set(['ar']);
const LANG: Record<string, string> = { ber: 'rif' };

const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });

const logo = readFileSync(join(root, 'public/press-kit/co3-logo.svg'), 'utf8');
await page.setViewportSize({ width: 1200, height: 1200 });
await page.setContent(`<body style="margin:0">${logo}</body>`);
await page.locator('svg').screenshot({ path: join(root, 'public/press-kit/co3-logo.png') });

await page.setViewportSize({ width: 1200, height: 630 });
mkdirSync(join(root, 'public/og'), { recursive: true });
const manifest: Record<string, string> = {};
for (const card of readCampaignCards(root)) {
  const dir = RTL.has(card.locale) ? 'rtl' : 'ltr';
  const lang = LANG[card.locale] ?? card.locale;
  await page.setContent(`<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><style>
    body{margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:space-between;
      background:#0b4f6c;color:#fff;font-family:"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","DejaVu Sans",sans-serif;box-sizing:border-box;padding:64px 72px}
    .text{font-size:64px;font-weight:700;line-height:1.25}
    .title{font-size:32px;opacity:.95;margin-top:24px}
    .foot{display:flex;justify-content:space-between;align-items:center;font-size:30px;border-top:6px solid #b3261e;padding-top:24px}
    .num{font-size:56px;font-weight:800;direction:ltr;unicode-bidi:isolate}
  </style></head><body>
    <div><div class="text">${escapeMarkup(card.cardText)}</div><div class="title">${escapeMarkup(card.title)}</div></div>
    <div class="foot"><span>CO3 · Veilig Huis</span><span class="num">1712</span></div>
  </body></html>`);
  const file = `${card.slug}.${card.locale}.png`;
  await page.screenshot({ path: join(root, 'public/og', file) });
  manifest[file] = cardHash(card);
  console.log(`public/og/${file}`);
}
writeFileSync(join(root, 'public/og/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await browser.close();
