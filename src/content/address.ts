import { z } from 'zod';

/**
 * How a page addresses its reader when it differs from its language's usual form. A page written
 * for a child says "tu" (fr) or "du" (de) where every other page says "vous" or "Sie"; it declares
 * that in its front matter, with the reason:
 *
 *     address:
 *       form: informal
 *       why: Written for a child of about 12, who is addressed as "tu".
 *
 * The glossary check (scripts/glossary.ts) then skips, on that page only, the glossary entries
 * marked `"address": "formal"`, and still applies every other entry (docs/languages.md).
 */
export const pageAddressSchema = z.object({
  form: z.literal('informal'),
  why: z
    .string({ error: 'the reason is missing: say why this page addresses its reader informally' })
    .trim()
    .min(10, 'the reason is too short: say why this page addresses its reader informally'),
});
export type PageAddress = z.infer<typeof pageAddressSchema>;
