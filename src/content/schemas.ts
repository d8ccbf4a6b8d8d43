import { z } from 'zod';
import { LOCALES } from '../i18n/locales';

/** A text in every portal language: a missing language fails the build and names itself. */
export const perLocale = z.object(
  Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1, `missing the ${l} text`)])) as Record<
    (typeof LOCALES)[number],
    z.ZodString
  >,
);

/**
 * Translation state of a page. `source`: the text the others are translated from (Dutch).
 * `unchecked`: translated, not yet read by a native speaker (the page says so).
 * `checked`: read and approved by a native speaker (an editor sets this, with a name and date).
 */
export const translationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('source') }),
  z.object({ status: z.literal('unchecked') }),
  z.object({ status: z.literal('checked'), by: z.string().min(1), date: z.iso.date() }),
]);

export const pageSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(20).max(200),
  translation: translationSchema,
});

export const helplineSchema = z.object({
  id: z.string(),
  /** Position in the strip: 1712 first, it is the line for families. */
  order: z.number().int(),
  number: z.string().regex(/^[0-9 ]+$/),
  tel: z.string().regex(/^\+?[0-9]+$/),
  emergency: z.boolean(),
  label: perLocale,
  note: perLocale,
  source: z.string().min(1),
  checked: z.iso.date(),
});

export const siteSchema = z.object({
  quickExit: z.object({ url: z.url({ protocol: /^https$/ }), why: z.string() }),
});
