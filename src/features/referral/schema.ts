import { z } from 'zod';

/**
 * The referral: ONE schema for the server page, the JSON API, the island and the tests.
 *
 * Error messages are codes (`required`, `tooLong`, …), never sentences: the page translates
 * them into the visitor's language (`locales/<l>/referral.json`, `errors.*`), the API returns
 * both the code and the translated message.
 *
 * Ask only what the intake needs: no names of family members, no national register numbers.
 * A person is described by relation and age ("mother, 34").
 */

export const ROLES = [
  'police',
  'justice',
  'social-work',
  'health',
  'education',
  'child-welfare',
  'local-government',
  'other',
] as const;
export const VIOLENCE_FORMS = ['partner', 'child', 'elder', 'honour', 'other'] as const;
export const ORGANISATIONS = [
  'police',
  'justice',
  'caw',
  'ocmw',
  'vk',
  'youth-care',
  'mental-health',
  'addiction-care',
  'gp',
  'school',
  'other',
] as const;
export const LIFE_DOMAINS = [
  'housing',
  'debts',
  'substances',
  'divorce',
  'residence',
  'mental-health',
  'isolation',
] as const;
export const PROTECTIVE_FACTORS = ['support-figure', 'bond-children', 'daytime-activity', 'insight-children'] as const;
export const TRI_STATE = ['yes', 'no', 'unknown'] as const;
export const CALLBACK = ['phone', 'email'] as const;
/** Grounds for passing a family's details to the intake team (see docs/referral-api.md). */
export const LEGAL_BASES = ['consent', 'case-consultation', 'ask-intake'] as const;

export const LIMITS = {
  name: 120,
  organisation: 160,
  email: 254,
  phone: 25,
  callbackTimes: 200,
  location: 80,
  languages: 200,
  otherForm: 200,
  person: 160,
  otherOrganisation: 200,
  description: 4000,
  motivation: 1000,
  adults: 20,
  children: 15,
} as const;

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
  z.string({ error: 'invalid' }).trim().max(max, { error: 'tooLong' }).refine(clean(multiline), { error: 'controlChars' }).default('');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'choose' });
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: 'invalid' }), { error: 'invalid' })
    .max(values.length, { error: 'invalid' })
    .refine((a) => new Set(a).size === a.length, { error: 'invalid' })
    .default([]);

// A phone number as people write it: digits, spaces and the usual separators, optional +.
const PHONE = /^\+?[0-9][0-9 ()./-]{5,23}$/;

export const referrerSchema = z.strictObject({
  name: required(LIMITS.name),
  organisation: required(LIMITS.organisation),
  role: choice(ROLES),
  email: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(LIMITS.email, { error: 'tooLong' })
    .refine(isOneLine, { error: 'controlChars' })
    .pipe(z.email({ error: 'email' })),
  phone: required(LIMITS.phone).regex(PHONE, { error: 'phone' }),
  callback: choice(CALLBACK),
  callbackTimes: optional(LIMITS.callbackTimes),
});

export const familySchema = z.strictObject({
  /** Municipality or postcode where the family lives: decides which Veilig Huis serves it. */
  location: required(LIMITS.location),
  adults: z
    .number({ error: 'number' })
    .int({ error: 'number' })
    .min(1, { error: 'adultsRange' })
    .max(LIMITS.adults, { error: 'adultsRange' }),
  /** Ages of the children in the household, 0–17. */
  children: z
    .array(z.number({ error: 'childAge' }).int({ error: 'childAge' }).min(0, { error: 'childAge' }).max(17, { error: 'childAge' }), {
      error: 'invalid',
    })
    .max(LIMITS.children, { error: 'tooMany' })
    .default([]),
  languages: optional(LIMITS.languages),
  interpreter: z.boolean({ error: 'invalid' }).default(false),
});

export const violenceSchema = z.strictObject({
  forms: many(VIOLENCE_FORMS).refine((a) => a.length > 0, { error: 'chooseOne' }),
  otherForm: optional(LIMITS.otherForm),
  repeated: choice(TRI_STATE),
  /** Who is hurt: relation and age, no name. */
  victim: required(LIMITS.person),
  /** Who uses violence: relation and age, no name. */
  perpetrator: required(LIMITS.person),
  childWitness: choice(TRI_STATE),
});

export const situationSchema = z.strictObject({
  /** An unsafe or worrying situation for victims and children. */
  unsafe: choice(TRI_STATE),
  /** Help or a judicial process has been hard to start. */
  hardStart: choice(TRI_STATE),
});

export const safetySchema = z.strictObject({
  /** Someone is in acute danger now: call 101/112 first; the referral is flagged urgent. */
  acuteDanger: choice(['yes', 'no'] as const),
  weapons: choice(TRI_STATE),
  threats: choice(TRI_STATE),
  childrenPresent: choice(TRI_STATE),
  recentEscalation: choice(TRI_STATE),
});

export const sharingSchema = z.strictObject({
  familyInformed: choice(['yes', 'no'] as const),
  legalBasis: choice(LEGAL_BASES),
});

const referralObject = z.strictObject({
  referrer: referrerSchema,
  family: familySchema,
  violence: violenceSchema,
  organisations: z.strictObject({
    involved: many(ORGANISATIONS),
    other: optional(LIMITS.otherOrganisation),
  }),
  lifeDomains: many(LIFE_DOMAINS),
  protective: many(PROTECTIVE_FACTORS),
  situation: situationSchema,
  safety: safetySchema,
  sharing: sharingSchema,
  description: required(LIMITS.description, true),
  /** Why refer anyway, when the check says the criteria are not met: the intake team decides. */
  motivation: optional(LIMITS.motivation, true),
});

export type Referral = z.output<typeof referralObject>;
export type ReferralInput = z.input<typeof referralObject>;

/** The answers of the eligibility check (step one): a part of the referral itself. */
export const eligibilitySchema = z.strictObject({
  family: familySchema.pick({ location: true }),
  // "No violence" is an answer here (the check then says why CO3 does not fit); the referral itself needs one.
  violence: z.strictObject({ forms: many(VIOLENCE_FORMS), otherForm: optional(LIMITS.otherForm), repeated: choice(TRI_STATE) }),
  organisations: z.strictObject({ involved: many(ORGANISATIONS), other: optional(LIMITS.otherOrganisation) }),
  lifeDomains: many(LIFE_DOMAINS),
  situation: situationSchema,
  safety: safetySchema.pick({ acuteDanger: true }),
});
export type EligibilityAnswers = z.output<typeof eligibilitySchema>;

/**
 * Cross-field rules. `needsMotivation` is decided by the eligibility outcome (the rules file
 * and the family's area), so the caller passes it in: the server computes it itself and
 * never takes the browser's word for it.
 */
export function makeReferralSchema(needsMotivation: (r: Referral) => boolean = () => false) {
  return referralObject.superRefine((r, ctx) => {
    if (r.violence.forms.includes('other') && r.violence.otherForm === '') {
      ctx.addIssue({ code: 'custom', path: ['violence', 'otherForm'], message: 'otherFormRequired' });
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

export const eligibilityFromReferral = (r: Referral): EligibilityAnswers => ({
  family: { location: r.family.location },
  violence: { forms: r.violence.forms, otherForm: r.violence.otherForm, repeated: r.violence.repeated },
  organisations: r.organisations,
  lifeDomains: r.lifeDomains,
  situation: r.situation,
  safety: { acuteDanger: r.safety.acuteDanger },
});

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
