/**
 * schema.org structured data as plain objects, and a serializer safe inside <script>.
 */
export interface QA {
  q: string;
  a: string;
}

export function faqPage(faq: QA[], inLanguage: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage,
    mainEntity: faq.map(({ q, a }) => ({
      '@type': 'Question',
      name: q,
      acceptedAnswer: { '@type': 'Answer', text: a },
    })),
  };
}

export function organization(options: { name: string; url: string; description: string; inLanguage: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: options.name,
    alternateName: ['CO3', 'Veilig Huis Antwerpen', 'Family Justice Center Antwerpen'],
    url: options.url,
    description: options.description,
    inLanguage: options.inLanguage,
    areaServed: { '@type': 'AdministrativeArea', name: 'Antwerpen' },
    foundingDate: '2012-01-01',
    contactPoint: [
      {
        '@type': 'ContactPoint',
        telephone: '1712',
        contactType: 'helpline',
        areaServed: 'BE',
        availableLanguage: ['nl', 'fr', 'en', 'de', 'ar'],
      },
    ],
  };
}

/** JSON for a <script type="application/ld+json">: `<` is escaped so no text can close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface VideoInfo {
  name: string;
  description: string;
  /** Absolute URLs. */
  pageUrl: string;
  thumbnailUrl: string;
  contentUrl: string;
  embedUrl: string;
  uploadDate: string;
  /** ISO 8601, e.g. PT45S. */
  duration: string;
  inLanguage: string;
  transcript: string;
  /** Chapters as clips: name, start and end in seconds. */
  clips: { name: string; start: number; end: number }[];
}

/** schema.org VideoObject for a film page; chapters become Clips that link to their moment. */
export function videoObject(v: VideoInfo) {
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: v.name,
    description: v.description,
    url: v.pageUrl,
    thumbnailUrl: [v.thumbnailUrl],
    contentUrl: v.contentUrl,
    embedUrl: v.embedUrl,
    uploadDate: v.uploadDate,
    duration: v.duration,
    inLanguage: v.inLanguage,
    isAccessibleForFree: true,
    transcript: v.transcript,
    ...(v.clips.length > 0
      ? {
          hasPart: v.clips.map((c) => ({
            '@type': 'Clip',
            name: c.name,
            startOffset: c.start,
            endOffset: c.end,
            url: `${v.pageUrl}#t=${c.start}`,
          })),
        }
      : {}),
  };
}
