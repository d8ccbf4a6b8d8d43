import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { centreSchema } from '../../src/content/schemas.ts';
import { placesIndex } from '../../src/features/locator/data.ts';
import { centreView } from '../../src/features/locator/view.ts';
import type { NameLocale } from '../../src/features/locator/places.ts';

/** The real centres from content/centres.json, parsed by the collection's own schema. */
export const CENTRES = z.array(centreSchema).parse(JSON.parse(readFileSync('content/centres.json', 'utf8')));

export function centresIn(locale: NameLocale) {
  return CENTRES.map((c) => centreView(c, locale));
}

export function strings(locale: NameLocale, ns = 'centres'): Record<string, unknown> {
  return JSON.parse(readFileSync(`locales/${locale}/${ns}.json`, 'utf8')) as Record<string, unknown>;
}

export const INDEX = placesIndex();
