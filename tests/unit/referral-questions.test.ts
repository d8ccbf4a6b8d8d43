import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import nl from '../../locales/nl/referral.json';
import { ELIGIBILITY_FIELDS, REFERRAL_FIELDS } from '../../src/features/referral/form.ts';
import { composeIntakeMessage } from '../../src/features/referral/message.ts';
import {
  CHECK_QUESTIONS,
  QUESTIONS,
  REFERRAL_QUESTIONS,
  SECTIONS,
  isChoice,
} from '../../src/features/referral/questions.ts';
import { eligibilitySchema, referralSchema } from '../../src/features/referral/schema.ts';

const example = () =>
  JSON.parse(readFileSync('docs/referral.example.json', 'utf8')) as Record<string, Record<string, unknown>>;
const get = (o: unknown, p: string) =>
  p.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);

describe('the table of referral questions', () => {
  it('is the schema: every row is a property, and nothing else is', () => {
    const json = z.toJSONSchema(referralSchema, { io: 'input' }) as {
      properties: Record<string, { properties?: object }>;
    };
    const paths = Object.entries(json.properties).flatMap(([k, v]) =>
      v.properties ? Object.keys(v.properties).map((s) => `${k}.${s}`) : [k],
    );
    expect(paths).toEqual(QUESTIONS.map((q) => q.path));
    expect(REFERRAL_FIELDS).toEqual(QUESTIONS.map((q) => q.path));
  });

  it('makes step one a subset of step two, in the check’s own order', () => {
    expect(ELIGIBILITY_FIELDS.every((f) => REFERRAL_FIELDS.includes(f))).toBe(true);
    expect(CHECK_QUESTIONS.map((q) => q.check!.order)).toEqual(
      [...CHECK_QUESTIONS.map((q) => q.check!.order)].sort((a, b) => a - b),
    );
    expect(eligibilitySchema.safeParse({}).success).toBe(false);
  });

  // The other five languages follow nl: translations.test.ts.
  it('gives every row a label, and every option a label, in the intake team’s language', () => {
    const fields = nl.fields as unknown;
    for (const q of REFERRAL_QUESTIONS) {
      expect(get(fields, `${q.path}.label`), q.path).toEqual(expect.any(String));
      expect(SECTIONS).toContain(q.section);
      if (isChoice(q))
        for (const o of q.options)
          expect(get(nl.options, `${q.group}.${o}`), `${q.path}=${o}`).toEqual(expect.any(String));
    }
  });

  it('has every row in the API documentation for partner systems (docs/referral-api.md)', () => {
    const doc = readFileSync('docs/referral-api.md', 'utf8');
    for (const q of REFERRAL_QUESTIONS) {
      const tail = q.path.split('.').at(-1)!;
      expect(doc.includes(`\`${q.path}\``) || doc.includes(`\`.${tail}\``), q.path).toBe(true);
    }
  });

  it('puts every answered row in the intake mail under its own label', () => {
    const r = referralSchema.parse({
      ...example(),
      motivation: 'Toch nodig.',
      violence: { ...example().violence, forms: ['other'], otherForm: 'x' },
      organisations: { involved: [], other: 'y' },
    });
    const text = composeIntakeMessage({
      reference: 'CO3-7KD3-QX9M',
      receivedAt: new Date('2026-11-23T10:00:00Z'),
      referral: r,
      assessment: {
        outcome: 'eligible',
        urgent: false,
        criteria: [],
        optionalMet: 0,
        optionalNeeded: 0,
        area: { status: 'served', place: 'x' },
      },
      from: 'portal@co3.example',
      to: 'intake@co3.example',
    }).text;
    for (const q of REFERRAL_QUESTIONS) expect(text, q.path).toContain(`\n${q.mail.label}:\n`);
  });
});
