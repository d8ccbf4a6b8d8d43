import { z } from 'zod';
import {
  CHECK_QUESTIONS,
  REFERRAL_QUESTIONS,
  type AllAnswers,
  type AnswersOf,
  type CheckRow,
  type Question,
} from './questions.ts';

/**
 * The referral: ONE schema for the server page, the JSON API, the island and the tests, built
 * from the table of questions (questions.ts): a row's kind, limits and options decide its check.
 *
 * Error messages are codes (`required`, `tooLong`, …), never sentences: the page translates
 * them into the visitor's language (`locales/<l>/referral.json`, `errors.*`), the API returns
 * both the code and the translated message.
 *
 * Ask only what the intake needs: no names of family members, no national register numbers.
 * A person is described by relation and age ("mother, 34").
 */

export {
  CALLBACK,
  LEGAL_BASES,
  LIFE_DOMAINS,
  LIMITS,
  ORGANISATIONS,
  PROTECTIVE_FACTORS,
  ROLES,
  TRI_STATE,
  VIOLENCE_FORMS,
} from './questions.ts';

/** The codes the schema reports; each has a message in every locale (`errors.<code>`). */
export const ERROR_CODES = [
  'required',
  'tooLong',
  'email',
  'phone',
  'choose',
  'chooseOne',
  'number',
  'adultsRange',
  'childAge',
  'tooMany',
  'otherFormRequired',
  'consentNeedsInformed',
  'motivationRequired',
  'controlChars',
  'ambiguous',
  'invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Characters no answer needs, which could disguise it: C0/C1 control characters (NUL, ESC …),
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069: "U+202E" shows text
 * reversed) and lone surrogates. One-line fields also refuse line and paragraph breaks and tabs,
 * so that no answer can pose as a heading or another answer in the intake mail; free text
 * (description, motivation) keeps its line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters a field may not hold
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
const BREAKS = /[\t\n\r\u2028\u2029]/u;
export const isOneLine = (v: string) => !HIDDEN.test(v) && !BREAKS.test(v);
export const isCleanText = (v: string) => !HIDDEN.test(v);
const clean = (multiline: boolean) => (multiline ? isCleanText : isOneLine);

const required = (max: number, multiline = false) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .refine(clean(multiline), { error: 'controlChars' });
const optional = (max: number, multiline = false) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: 'tooLong' })
    .refine(clean(multiline), { error: 'controlChars' })
    .default('');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'choose' });
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: 'invalid' }), { error: 'invalid' })
    .max(values.length, { error: 'invalid' })
    .refine((a) => new Set(a).size === a.length, { error: 'invalid' })
    .default([]);

/** One question's check, from its row. In step one, `check.optional` lists may stay empty. */
function fieldSchema(q: Question, step: 'check' | 'referral'): z.ZodType {
  switch (q.kind) {
    case 'email':
      return z
        .string({ error: 'required' })
        .trim()
        .min(1, { error: 'required' })
        .max(q.max, { error: 'tooLong' })
        .refine(isOneLine, { error: 'controlChars' })
        .pipe(z.email({ error: 'email' }));
    case 'text':
    case 'tel':
    case 'textarea': {
      const multiline = q.kind === 'textarea';
      if (q.optional) return optional(q.max, multiline);
      return q.pattern
        ? required(q.max, multiline).regex(q.pattern.re, { error: q.pattern.code })
        : required(q.max, multiline);
    }
    case 'select':
    case 'radio':
      return choice(q.options);
    case 'checkboxes': {
      const list = many(q.options);
      return q.atLeastOne && !(step === 'check' && q.check?.optional)
        ? list.refine((a) => a.length > 0, { error: 'chooseOne' })
        : list;
    }
    case 'count':
      return z
        .number({ error: 'number' })
        .int({ error: 'number' })
        .min(q.min, { error: q.rangeCode })
        .max(q.max, { error: q.rangeCode });
    case 'ages':
      return z
        .array(
          z
            .number({ error: 'childAge' })
            .int({ error: 'childAge' })
            .min(0, { error: 'childAge' })
            .max(17, { error: 'childAge' }),
          {
            error: 'invalid',
          },
        )
        .max(q.max, { error: 'tooMany' })
        .default([]);
    case 'checkbox':
      return z.boolean({ error: 'invalid' }).default(false);
  }
}

/** Rows → one strict object, nested one level by the dotted paths, in the table's order. */
function objectOf(questions: readonly Question[], step: 'check' | 'referral') {
  const shape: Record<string, z.ZodType | Record<string, z.ZodType>> = {};
  for (const q of questions) {
    const [head, tail] = q.path.split('.') as [string, string | undefined];
    if (tail === undefined) shape[head] = fieldSchema(q, step);
    else ((shape[head] ??= {}) as Record<string, z.ZodType>)[tail] = fieldSchema(q, step);
  }
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodType ? v : z.strictObject(v)])),
  );
}

export type Referral = AllAnswers;

const referralObject = objectOf(REFERRAL_QUESTIONS, 'referral') as unknown as z.ZodType<Referral>;

/** The answers of the eligibility check (step one): a part of the referral itself. */
export type EligibilityAnswers = AnswersOf<CheckRow>;
export const eligibilitySchema = objectOf(
  REFERRAL_QUESTIONS.filter((q) => q.check),
  'check',
) as unknown as z.ZodType<EligibilityAnswers>;

const valueAt = (r: Referral, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], r);

/**
 * Cross-field rules. `needsMotivation` is decided by the eligibility outcome (the rules file
 * and the family's area), so the caller passes it in: the server computes it itself and
 * never takes the browser's word for it.
 */
export function makeReferralSchema(needsMotivation: (r: Referral) => boolean = () => false) {
  return referralObject.superRefine((r, ctx) => {
    // A follow-up ("which other violence?") is required once its answer is ticked.
    for (const q of REFERRAL_QUESTIONS) {
      if (!('followUp' in q) || !q.followUp?.code) continue;
      const parent = valueAt(r, q.followUp.path);
      if (Array.isArray(parent) && parent.includes(q.followUp.value) && valueAt(r, q.path) === '') {
        ctx.addIssue({ code: 'custom', path: q.path.split('.'), message: q.followUp.code });
      }
    }
    if (r.sharing.legalBasis === 'consent' && r.sharing.familyInformed === 'no') {
      ctx.addIssue({ code: 'custom', path: ['sharing', 'legalBasis'], message: 'consentNeedsInformed' });
    }
    if (r.motivation === '' && needsMotivation(r)) {
      ctx.addIssue({ code: 'custom', path: ['motivation'], message: 'motivationRequired' });
    }
  });
}

/** The schema without outcome-dependent rules: for JSON Schema export and the browser. */
export const referralSchema = makeReferralSchema();

/** The check's answers inside a referral: the rows marked `check`. */
export const eligibilityFromReferral = (r: Referral): EligibilityAnswers =>
  pick(r, CHECK_QUESTIONS) as EligibilityAnswers;

/** The values at the given rows' paths, nested again (absent values stay absent). */
export function pick(input: unknown, questions: readonly Question[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const q of questions) {
    const [head, tail] = q.path.split('.') as [string, string | undefined];
    if (tail === undefined) out[head] = source[head];
    else {
      const group = source[head];
      (out[head] ??= {}) as Record<string, unknown>;
      (out[head] as Record<string, unknown>)[tail] =
        typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[tail] : undefined;
    }
  }
  return out;
}

export interface FieldError {
  /** Dotted path as in the form's field names: `referrer.email`, `family.children`. */
  field: string;
  code: ErrorCode;
  /** For `tooLong`: the limit. */
  max?: number;
}

/** zod issues → one error per field (the first), in form order. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    // Array items report their index (`family.children.2`); the form has one field for the list.
    const path = issue.path.filter((p) => typeof p === 'string').join('.') || 'form';
    if (seen.has(path)) continue;
    seen.add(path);
    const code = (ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as ErrorCode) : 'invalid';
    const max = issue.code === 'too_big' && typeof issue.maximum === 'number' ? issue.maximum : undefined;
    out.push(max === undefined ? { field: path, code } : { field: path, code, max });
  }
  return out;
}
