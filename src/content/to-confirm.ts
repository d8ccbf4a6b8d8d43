import { z } from 'zod';

/**
 * The "to be confirmed" convention: an object in `content/*.json` (or a page's front matter) whose
 * field no source confirms lists it here, and the field itself stays empty or holds only what a
 * source says. `npm run launch:checklist` gathers every entry into docs/launch-checklist.md.
 */
export const toConfirmEntry = z.strictObject({
  /** The field's name in its object, e.g. `address`. */
  field: z.string().min(1),
  /** What is unknown, in English. */
  why: z.string().min(10),
  /** Whom to ask. */
  ask: z.string().min(3),
});
export const toConfirmList = z.array(toConfirmEntry).min(1);
export type ToConfirm = z.infer<typeof toConfirmEntry>;
