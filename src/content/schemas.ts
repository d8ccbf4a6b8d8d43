import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { pageAddressSchema } from './address';
import { toConfirmEntry, toConfirmList } from './to-confirm';

/** A text in every portal language: a missing language fails the build and names itself. */
export const perLocale = z.object(
  Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1, `missing the ${l} text`)])) as Record<
    (typeof LOCALES)[number],
    z.ZodString
  >,
);

/**
 * Translation state of a page. `source`: the text the others are translated from (Dutch).
 * `unchecked`: translated (by a machine or an editor), not yet read by a native speaker (the page says so).
 * `translated`: translated by a translator (`npm run i18n:import`), not yet reviewed (the page says so).
 * `checked`: read and approved by a native speaker (the import sets this, with a name and date).
 * Whether the Dutch changed since is not stored here: the build compares the hashes in
 * `content/translations/<locale>.json` (docs/translating.md) and shows the "outdated" notice.
 */
export const translationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('source') }),
  z.object({ status: z.literal('unchecked') }),
  z.object({ status: z.literal('translated') }),
  z.object({ status: z.literal('checked'), by: z.string().min(1), date: z.iso.date() }),
]);

export const pageSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(20).max(200),
  translation: translationSchema,
  /** Questions and answers shown as <details> and as FAQPage structured data. */
  faq: z.array(z.object({ q: z.string().min(5), a: z.string().min(5) })).optional(),
  /** A page written for children addresses its reader informally, with the reason (src/content/address.ts). */
  address: pageAddressSchema.optional(),
  /** Where the page's facts come from, with the date they were checked (not shown; for editors). */
  sources: z.array(z.string().min(10)).optional(),
  /** Fields of the page not confirmed by a source (see "toConfirm" in docs/launch-checklist.md). */
  toConfirm: toConfirmList.optional(),
});

/**
 * Where the facts of a page come from: `content/page-sources.json`, one entry per page slug
 * (the same for every language). Each fact names its source and the date it was checked; what
 * no source confirms is not on the page and is listed in `toConfirm` with whom to ask.
 */
export const pageSourcesSchema = z.object({
  id: z.string().min(1),
  sources: z
    .array(
      z.object({
        /** The fact as the page states it, in English, for editors. */
        fact: z.string().min(10),
        /** Who says so: organisation and page or legal text. */
        source: z.string().min(3),
        url: z.url({ protocol: /^https$/ }).optional(),
        /** The phone number this fact establishes, as dialled (`tel:` links on the page must be one of these or a helpline's). */
        tel: z
          .string()
          .regex(/^\+?[0-9]+$/)
          .optional(),
        checked: z.iso.date(),
      }),
    )
    .min(1),
  toConfirm: z.array(toConfirmEntry).default([]),
});

/**
 * How to reach a service, the same fields for a contact and a Veilig Huis (and rendered alike,
 * src/components/ContactDetails.tsx): a field no source gives stays empty.
 */
const reachableFields = {
  address: z.string().default(''),
  phone: z
    .string()
    .regex(/^(\+?[0-9 ]+)?$/)
    .default(''),
  email: z.union([z.email(), z.literal('')]).default(''),
  website: z.union([z.url({ protocol: /^https$/ }), z.literal('')]).default(''),
  hours: z.string().default(''),
};

/** Someone to contact. Unknown fields stay empty; `howToReach` says what to do instead. */
export const contactSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  name: perLocale,
  /** Who should use this contact, for what. */
  purpose: perLocale,
  organisation: z.string().default(''),
  ...reachableFields,
  howToReach: perLocale,
  source: z.string().min(1),
  checked: z.iso.date(),
  /** Fields no source confirms: shown as "to be confirmed", listed in docs/launch-checklist.md. */
  toConfirm: toConfirmList.optional(),
});

const year = z.number().int().min(1990).max(2100);

/** A figure for the press page: every one has its source, the year(s) it is about, and when it was looked up. */
export const factSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  /** A number (formatted per locale), a percentage, or a literal text such as "2×". */
  value: z.union([
    z.object({ kind: z.literal('number'), n: z.number() }),
    z.object({ kind: z.literal('percent'), n: z.number() }),
    z.object({ kind: z.literal('text'), text: z.string().min(1) }),
  ]),
  label: perLocale,
  /**
   * The year or years the figure describes (2007–2010, 2011…); `null` when the source does not
   * say (then `toConfirm` names the field). Not the year the source was published, nor the date
   * it was looked up: those are `sourceYear` and `checked`.
   */
  period: z.union([
    z.strictObject({ year: year }),
    z.strictObject({ from: year, to: year }).refine((p) => p.from < p.to, { error: 'from must come before to' }),
    z.null(),
  ]),
  /** The source note, in every language. */
  source: perLocale,
  /** The year the source was published, when it has one. */
  sourceYear: year.optional(),
  /** The date the figure was looked up in its source. */
  checked: z.iso.date(),
  toConfirm: toConfirmList.optional(),
});

export const newsSchema = z.object({
  title: z.string().min(1),
  date: z.coerce.date(),
  summary: z.string().min(20).max(300),
  source: z.string().min(1),
  translation: translationSchema,
});

export const campaignSchema = z.object({
  title: z.string().min(1),
  /** Shown on social media cards and as meta description. */
  description: z.string().min(20).max(200),
  /** Short text on the Open Graph image. */
  cardText: z.string().min(3).max(90),
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

/** One file of a film: its name in the film's folder and its MIME type (with codecs when known). */
export const mediaSourceSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.(webm|mp4)$/, 'a .webm or .mp4 file in the film folder'),
  type: z.string().regex(/^video\/(webm|mp4)(;.*)?$/),
});

/**
 * A film: `content/videos/<slug>/video.yaml`, next to its media files, its captions
 * (`captions.<locale>.vtt`) and transcripts (`transcript.<locale>.txt`). The loader checks the
 * caption and transcript files; this schema checks the metadata.
 */
export const videoSchema = z
  .object({
    order: z.number().int(),
    /** Length in seconds of every version; captions and chapters must fit inside it. */
    duration: z.number().positive(),
    /** Still shown before play, a file in the film folder. */
    poster: z.string().regex(/^[\w.-]+\.(jpg|jpeg|png|webp)$/),
    /** In order of preference: WebM first (free codecs), MP4 for Safari and older phones. */
    sources: z.array(mediaSourceSchema).min(1),
    /** The file the download link offers; MP4 plays on the most devices. */
    download: z.string().regex(/^[\w.-]+\.(webm|mp4)$/),
    /** True for the placeholder films made by `npm run films:samples`. */
    sample: z.boolean().default(false),
    /** The date the film was published, for structured data. */
    uploadDate: z.iso.date(),
    /**
     * Versions in a locale's language: spoken in it, or (`spoken: false`) showing their words on
     * screen in it, as the sample films do. Same cut as the main film (same scenes, same
     * length), so the captions, chapters and transcripts fit every version. A locale without a
     * variant gets the main film.
     */
    variants: z
      .partialRecord(
        z.enum(LOCALES),
        z.object({
          sources: z.array(mediaSourceSchema).min(1),
          download: z.string().regex(/^[\w.-]+\.(webm|mp4)$/),
          /** The version's own still (its title in its language); the main poster when not given. */
          poster: z
            .string()
            .regex(/^[\w.-]+\.(jpg|jpeg|png|webp)$/)
            .optional(),
          /** False when the version is silent and its words are on screen: captions then stay on. */
          spoken: z.boolean().default(true),
        }),
      )
      .default({}),
    title: perLocale,
    summary: perLocale,
    /** Chapters in order; `start` in seconds. */
    chapters: z.array(z.object({ start: z.number().min(0), title: perLocale })).default([]),
    /** Translation state of the title, summary, captions and transcript in each locale. */
    translation: z.object(
      Object.fromEntries(LOCALES.map((l) => [l, translationSchema])) as Record<
        (typeof LOCALES)[number],
        typeof translationSchema
      >,
    ),
    /** Filled in by the loader, not written by editors: file sizes and the transcripts. */
    bytes: z.record(z.string(), z.number().int().nonnegative()).default({}),
    transcript: perLocale.optional(),
  })
  .superRefine((film, ctx) => {
    film.chapters.forEach((c, i) => {
      if (c.start >= film.duration)
        ctx.addIssue({ code: 'custom', path: ['chapters', i], message: 'starts after the end of the film' });
      const prev = film.chapters[i - 1];
      if (prev && c.start <= prev.start)
        ctx.addIssue({ code: 'custom', path: ['chapters', i], message: 'chapters must be in order' });
    });
  });

export type Video = z.infer<typeof videoSchema>;
/** A NIS code: two digits for an administrative arrondissement, five for a municipality. */
const nisCode = z.string().regex(/^\d{2}(\d{3})?$/, 'a NIS code has 2 (arrondissement) or 5 (municipality) digits');

/**
 * A Veilig Huis (or a like service in Brussels and Wallonia) for the locator. Unknown contact
 * details stay empty and are not shown; the page then says how a family gets there.
 */
export const centreSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int(),
  name: perLocale,
  /** The name before 25 November 2023 (Family Justice Center …), empty when it had none. */
  formerName: z.string().default(''),
  /** The city it sits in, as written there, and that city's NIS code in the places index. */
  city: z.string().min(1),
  cityNis: z.string().regex(/^\d{5}$/),
  /** City-level [longitude, latitude] from the places index (GeoNames); never an address. */
  coordinates: z.tuple([z.number().min(2.5).max(6.5), z.number().min(49.4).max(51.6)]),
  /** What it serves: arrondissements (2 digits) and/or municipalities (5 digits). */
  serves: z.array(nisCode).min(1),
  /** The area it serves, in words, read as "Lier belongs to <region>". */
  region: perLocale,
  status: z.enum(['active', 'paused', 'planned']),
  /** What a visitor should know besides: pilot zones, a pause, what is not confirmed. */
  notes: perLocale.optional(),
  ...reachableFields,
  /** How professionals refer: `form` (the portal's referral form), the centre's own page, or unknown. */
  referral: z.union([z.literal('form'), z.url({ protocol: /^https$/ }), z.literal('')]).default(''),
  sources: z.array(z.string().min(3)).min(1),
  checked: z.iso.date(),
  /** Fields no source confirms (HELPERS "to be confirmed" convention): the page marks them. */
  toConfirm: z
    .array(z.strictObject({ field: z.string().min(1), why: z.string().min(1), ask: z.string().min(1) }))
    .default([]),
});
export type Centre = z.infer<typeof centreSchema>;
