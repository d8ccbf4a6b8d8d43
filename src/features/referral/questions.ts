/**
 * The referral's questions: ONE row per question. From this table come the zod schema and its
 * JSON Schema (schema.ts), the plain form's field list and parsing (form.ts), both steps of the
 * form (ReferralForm.tsx renders the rows; step one is the rows marked `check`), the error
 * summary's links (ErrorSummary.tsx) and the intake mail (message.ts).
 *
 * A new question is one row here plus its translations (`fields.<path>.label`, optionally
 * `fields.<path>.hint`, in `locales/<l>/referral.json` for all six languages): see docs/referral.md.
 *
 * The table's order is the order of the JSON (and of its JSON Schema), of step two and of the
 * error summary. Ask only what the intake needs: no names of family members, no national
 * register numbers; a person is described by relation and age ("mother, 34").
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
export const YES_NO = ['yes', 'no'] as const;
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

/** The sections of step two, in order; their titles are `sections.<id>`. */
export const SECTIONS = [
  'referrer',
  'family',
  'violence',
  'organisations',
  'lifeDomains',
  'protective',
  'situation',
  'safety',
  'sharing',
  'description',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The sections of the intake mail, in order, with their headings (Dutch: the intake team's language). */
export const MAIL_SECTIONS = {
  referrer: 'DOORVERWIJZER',
  family: 'GEZIN',
  violence: 'GEWELD',
  safety: 'VEILIGHEID',
  situation: 'SITUATIE',
  sharing: 'DELEN VAN INFORMATIE',
  description: 'BESCHRIJVING DOOR DE DOORVERWIJZER',
  motivation: 'MOTIVATIE',
} as const;
export type MailSectionId = keyof typeof MAIL_SECTIONS;

/** Where a row's option labels are in the locale files (`options.<group>.<value>`), and in the mail (Dutch). */
export type OptionGroup =
  | 'role'
  | 'forms'
  | 'organisations'
  | 'lifeDomains'
  | 'protective'
  | 'triState'
  | 'yesNo'
  | 'callback'
  | 'legalBasis';

interface Base {
  /** The dotted path: the JSON path, the form field's name and the locale keys `fields.<path>.label|hint`. */
  path: string;
  /** Step two's section. */
  section: SectionId;
  /** In step one (the eligibility check) too: its section there and its place in that step. */
  check?: { section: 'violence' | 'situation'; order: number; optional?: true };
  mail: {
    section: MailSectionId;
    /** The label in the intake mail (Dutch). */
    label: string;
    /** The place in its mail section when it differs from the table's order. */
    order?: number;
    /** Leave the line out when the answer is empty (follow-up questions). */
    omitEmpty?: true;
    /** Answered "yes", this line opens the mail under "EERST LEZEN: VEILIGHEID". */
    haste?: string;
  };
}

interface TextLike extends Base {
  kind: 'text' | 'email' | 'tel' | 'textarea';
  /** Characters. */
  max: number;
  /** May be left empty (marked "(optional)" unless a follow-up's `code` makes it required). */
  optional?: true;
  /** A format check with its error code: the phone number. */
  pattern?: { re: RegExp; code: 'phone' };
  autocomplete?: string;
  /** The input's CSS width classes (default `w-full`). */
  width?: string;
  /** A textarea's rows. */
  rows?: number;
  /**
   * A follow-up: with JavaScript, shown only when the list at `path` includes `value` (without,
   * always). With a `code`, it is then required, and that is the error when it is left empty.
   */
  followUp?: { path: string; value: string; code?: 'otherFormRequired' };
  /** Shown and required when the check says the criteria are not met (the motivation). */
  whenNotEligible?: true;
}

interface Count extends Base {
  kind: 'count';
  min: number;
  max: number;
  /** The error for anything outside min–max. */
  rangeCode: 'adultsRange';
  inputMax: number;
  width: string;
}

interface Ages extends Base {
  kind: 'ages';
  /** How many ages at most; each is 0–17. */
  max: number;
  inputMax: number;
  width: string;
  optional: true;
}

export interface Choice extends Base {
  kind: 'select' | 'radio' | 'checkboxes';
  options: readonly [string, ...string[]];
  group: OptionGroup;
  /** Radio buttons side by side. */
  inline?: true;
  /** Each option has a hint (`options.<group>Hint.<value>`). */
  optionHints?: true;
  /** For checkboxes: at least one (error `chooseOne`); lists are otherwise optional. */
  atLeastOne?: true;
}

interface Flag extends Base {
  kind: 'checkbox';
}

export type Question = TextLike | Count | Ages | Choice | Flag;

/** A yes / no / don't know question. */
function tri<P extends string>(path: P, section: SectionId, mail: Base['mail']): TriRow<P>;
function tri<P extends string, C extends NonNullable<Base['check']>>(
  path: P,
  section: SectionId,
  mail: Base['mail'],
  check: C,
): TriRow<P> & { check: C };
function tri(path: string, section: SectionId, mail: Base['mail'], check?: Base['check']) {
  return {
    path,
    kind: 'radio',
    options: TRI_STATE,
    group: 'triState',
    inline: true,
    section,
    mail,
    ...(check ? { check } : {}),
  };
}
interface TriRow<P extends string> {
  path: P;
  kind: 'radio';
  options: typeof TRI_STATE;
  group: 'triState';
  inline: true;
  section: SectionId;
  mail: Base['mail'];
}

// A phone number as people write it: digits, spaces and the usual separators, optional +.
const PHONE = /^\+?[0-9][0-9 ()./-]{5,23}$/;

export const QUESTIONS = [
  // Over jou
  {
    path: 'referrer.name',
    kind: 'text',
    max: LIMITS.name,
    autocomplete: 'name',
    section: 'referrer',
    mail: { section: 'referrer', label: 'Naam van de doorverwijzer' },
  },
  {
    path: 'referrer.organisation',
    kind: 'text',
    max: LIMITS.organisation,
    autocomplete: 'organization',
    section: 'referrer',
    mail: { section: 'referrer', label: 'Organisatie' },
  },
  {
    path: 'referrer.role',
    kind: 'select',
    options: ROLES,
    group: 'role',
    section: 'referrer',
    mail: { section: 'referrer', label: 'Functie' },
  },
  {
    path: 'referrer.email',
    kind: 'email',
    max: LIMITS.email,
    autocomplete: 'work email',
    section: 'referrer',
    mail: { section: 'referrer', label: 'E-mail (werk)' },
  },
  {
    path: 'referrer.phone',
    kind: 'tel',
    max: LIMITS.phone,
    pattern: { re: PHONE, code: 'phone' },
    autocomplete: 'work tel',
    width: 'w-full sm:w-72',
    section: 'referrer',
    mail: { section: 'referrer', label: 'Telefoon' },
  },
  {
    path: 'referrer.callback',
    kind: 'radio',
    options: CALLBACK,
    group: 'callback',
    inline: true,
    section: 'referrer',
    mail: { section: 'referrer', label: 'Wil teruggecontacteerd worden' },
  },
  {
    path: 'referrer.callbackTimes',
    kind: 'text',
    max: LIMITS.callbackTimes,
    optional: true,
    section: 'referrer',
    mail: { section: 'referrer', label: 'Best bereikbaar' },
  },
  // Het gezin. The place decides which Veilig Huis serves the family.
  {
    path: 'family.location',
    kind: 'text',
    max: LIMITS.location,
    width: 'w-full sm:w-80',
    section: 'family',
    check: { section: 'situation', order: 9 },
    mail: { section: 'family', label: 'Gemeente of postcode van het gezin' },
  },
  {
    path: 'family.adults',
    kind: 'count',
    min: 1,
    max: LIMITS.adults,
    rangeCode: 'adultsRange',
    inputMax: 2,
    width: 'w-24',
    section: 'family',
    mail: { section: 'family', label: 'Aantal volwassenen' },
  },
  {
    path: 'family.children',
    kind: 'ages',
    max: LIMITS.children,
    inputMax: 80,
    width: 'w-full sm:w-80',
    optional: true,
    section: 'family',
    mail: { section: 'family', label: 'Leeftijden van de kinderen' },
  },
  {
    path: 'family.languages',
    kind: 'text',
    max: LIMITS.languages,
    optional: true,
    section: 'family',
    mail: { section: 'family', label: 'Talen van het gezin' },
  },
  { path: 'family.interpreter', kind: 'checkbox', section: 'family', mail: { section: 'family', label: 'Tolk nodig' } },
  // Het geweld. "No violence" is an answer in the check (it then says why CO3 does not fit); the referral needs one.
  {
    path: 'violence.forms',
    kind: 'checkboxes',
    options: VIOLENCE_FORMS,
    group: 'forms',
    atLeastOne: true,
    section: 'violence',
    check: { section: 'violence', order: 1, optional: true },
    mail: { section: 'violence', label: 'Vormen van geweld' },
  },
  {
    path: 'violence.otherForm',
    kind: 'text',
    max: LIMITS.otherForm,
    optional: true,
    followUp: { path: 'violence.forms', value: 'other', code: 'otherFormRequired' },
    section: 'violence',
    check: { section: 'violence', order: 2 },
    mail: { section: 'violence', label: 'Ander geweld', omitEmpty: true },
  },
  tri(
    'violence.repeated',
    'violence',
    { section: 'violence', label: 'Herhaaldelijk' },
    { section: 'violence', order: 3 },
  ),
  // Who is hurt, who uses violence: relation and age, no name.
  {
    path: 'violence.victim',
    kind: 'text',
    max: LIMITS.person,
    section: 'violence',
    mail: { section: 'violence', label: 'Wie ondergaat het geweld (band en leeftijd)' },
  },
  {
    path: 'violence.perpetrator',
    kind: 'text',
    max: LIMITS.person,
    section: 'violence',
    mail: { section: 'violence', label: 'Wie pleegt het geweld (band en leeftijd)' },
  },
  tri('violence.childWitness', 'violence', {
    section: 'violence',
    label: 'Kinderen hebben het geweld gezien of gehoord (ook vroeger)',
  }),
  // Organisaties, levensdomeinen, beschermende factoren
  {
    path: 'organisations.involved',
    kind: 'checkboxes',
    options: ORGANISATIONS,
    group: 'organisations',
    section: 'organisations',
    check: { section: 'situation', order: 5 },
    mail: { section: 'situation', label: 'Betrokken organisaties' },
  },
  {
    path: 'organisations.other',
    kind: 'text',
    max: LIMITS.otherOrganisation,
    optional: true,
    followUp: { path: 'organisations.involved', value: 'other' },
    section: 'organisations',
    check: { section: 'situation', order: 6 },
    mail: { section: 'situation', label: 'Andere organisaties', omitEmpty: true },
  },
  {
    path: 'lifeDomains',
    kind: 'checkboxes',
    options: LIFE_DOMAINS,
    group: 'lifeDomains',
    section: 'lifeDomains',
    check: { section: 'situation', order: 4 },
    mail: { section: 'situation', label: 'Problemen op levensdomeinen' },
  },
  {
    path: 'protective',
    kind: 'checkboxes',
    options: PROTECTIVE_FACTORS,
    group: 'protective',
    section: 'protective',
    mail: { section: 'situation', label: 'Beschermende factoren' },
  },
  // De situatie: unsafe or worrying for victims and children; help or a judicial process hard to start.
  tri(
    'situation.unsafe',
    'situation',
    { section: 'situation', label: 'Onveilig of zorgwekkend voor slachtoffers en kinderen' },
    { section: 'situation', order: 7 },
  ),
  tri(
    'situation.hardStart',
    'situation',
    { section: 'situation', label: 'Hulp of gerechtelijke procedure moeilijk op gang' },
    { section: 'situation', order: 8 },
  ),
  // Veiligheid nu. Acute danger: call 101/112 first; the referral is flagged urgent.
  {
    path: 'safety.acuteDanger',
    kind: 'radio',
    options: YES_NO,
    group: 'yesNo',
    inline: true,
    section: 'safety',
    check: { section: 'situation', order: 10 },
    mail: {
      section: 'safety',
      label: 'Acuut gevaar nu',
      haste: 'Acuut gevaar nu (de doorverwijzer moest eerst 101 of 112 bellen)',
    },
  },
  tri('safety.weapons', 'safety', {
    section: 'safety',
    label: 'Wapens in huis of met wapens gedreigd',
    haste: 'Wapens in huis of er is met wapens gedreigd',
  }),
  tri('safety.threats', 'safety', {
    section: 'safety',
    label: 'Bedreigingen geuit',
    haste: 'Er zijn bedreigingen geuit',
  }),
  tri('safety.childrenPresent', 'safety', {
    section: 'safety',
    label: 'Kinderen wonen in het huis waar het geweld nu gebeurt',
    order: 5,
    haste: 'Er wonen kinderen in het huis waar het geweld nu gebeurt',
  }),
  tri('safety.recentEscalation', 'safety', {
    section: 'safety',
    label: 'Geweld de laatste tijd erger',
    order: 4,
    haste: 'Het geweld is de laatste tijd erger geworden',
  }),
  // Delen van informatie
  {
    path: 'sharing.familyInformed',
    kind: 'radio',
    options: YES_NO,
    group: 'yesNo',
    inline: true,
    section: 'sharing',
    mail: { section: 'sharing', label: 'Het gezin weet van de doorverwijzing' },
  },
  {
    path: 'sharing.legalBasis',
    kind: 'radio',
    options: LEGAL_BASES,
    group: 'legalBasis',
    optionHints: true,
    section: 'sharing',
    mail: { section: 'sharing', label: 'Wettelijke basis volgens de doorverwijzer' },
  },
  // Beschrijving; the motivation: why refer anyway when the check says the criteria are not met
  // (the intake team decides).
  {
    path: 'description',
    kind: 'textarea',
    max: LIMITS.description,
    rows: 8,
    section: 'description',
    mail: { section: 'description', label: 'Beschrijving' },
  },
  {
    path: 'motivation',
    kind: 'textarea',
    max: LIMITS.motivation,
    rows: 4,
    optional: true,
    whenNotEligible: true,
    section: 'description',
    mail: { section: 'motivation', label: 'Waarom toch doorverwezen', omitEmpty: true },
  },
] as const satisfies readonly Question[];

/**
 * The answers as TypeScript sees them, derived from the table: `{ referrer: { name: string, … },
 * lifeDomains: ('housing' | …)[], … }`. The zod schema built from the same rows checks them at run time.
 */
type Row = (typeof QUESTIONS)[number];
type ValueOf<R> = R extends { kind: 'checkboxes'; options: readonly (infer O)[] }
  ? O[]
  : R extends { kind: 'select' | 'radio'; options: readonly (infer O)[] }
    ? O
    : R extends { kind: 'count' }
      ? number
      : R extends { kind: 'ages' }
        ? number[]
        : R extends { kind: 'checkbox' }
          ? boolean
          : string;
type Head<P> = P extends `${infer H}.${string}` ? H : P;
type Tail<P, H extends string> = P extends `${H}.${infer T}` ? T : never;
type Group<R extends Row, H extends string> = { [T in Tail<R['path'], H>]: ValueOf<Extract<R, { path: `${H}.${T}` }>> };
export type AnswersOf<R extends Row> = {
  [H in Head<R['path']>]: H extends R['path'] ? ValueOf<Extract<R, { path: H }>> : Group<R, H>;
};
export type AllAnswers = AnswersOf<Row>;
/** The rows of step one, as a type. */
export type CheckRow = Extract<Row, { check: object }>;

export const questionAt = (path: string): Question | undefined => REFERRAL_QUESTIONS.find((q) => q.path === path);

/** The questions of step two (all), in order. */
export const REFERRAL_QUESTIONS: readonly Question[] = QUESTIONS;
/** The questions of step one (the eligibility check), in that step's order: a subset of step two. */
export const CHECK_QUESTIONS: readonly Question[] = REFERRAL_QUESTIONS.filter((q) => q.check).sort(
  (a, b) => a.check!.order - b.check!.order,
);

export const labelKey = (q: Pick<Question, 'path'>) => `fields.${q.path}.label`;
export const hintKey = (q: Pick<Question, 'path'>) => `fields.${q.path}.hint`;
export const optionKey = (q: Choice, value: string) => `options.${q.group}.${value}`;
export const optionHintKey = (q: Choice, value: string) => `options.${q.group}Hint.${value}`;
export const isChoice = (q: Question): q is Choice =>
  q.kind === 'select' || q.kind === 'radio' || q.kind === 'checkboxes';
