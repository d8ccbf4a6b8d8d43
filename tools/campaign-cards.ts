import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCampaign, type CardInput } from '../src/lib/og-card.ts';

/** Every campaign × locale with the text its Open Graph card shows. */
export function readCampaignCards(root: string): CardInput[] {
  const base = join(root, 'content', 'campaigns');
  return readdirSync(base).flatMap((locale) =>
    readdirSync(join(base, locale))
      .filter((f) => f.endsWith('.md'))
      .map((file) => {
        const text = readFileSync(join(base, locale, file), 'utf8');
        const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
        return parseCampaign(`${locale}/${file}`, parse(front) as Record<string, unknown>);
      }),
  );
}
