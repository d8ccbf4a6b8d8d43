import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ELIGIBILITY_FIELDS,
  REFERRAL_FIELDS,
  readForm,
  toFormValues,
  toReferralInput,
} from '../../src/features/referral/form.ts';
import { ERROR_CODES, fieldErrors, makeReferralSchema, referralSchema } from '../../src/features/referral/schema.ts';
import {
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  newReference,
  normaliseReference,
} from '../../src/features/referral/reference.ts';

const example = JSON.parse(readFileSync('docs/referral.example.json', 'utf8')) as Record<string, any>;
const withChange = (mutate: (r: Record<string, any>) => void) => {
  const copy = structuredClone(example);
  mutate(copy);
  return copy;
};
const errorsOf = (input: unknown, schema = referralSchema) => {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrors(r.error);
};

describe('the referral schema', () => {
  it('accepts the documented example (docs/referral.example.json)', () => {
    expect(errorsOf(example)).toEqual([]);
  });

  it('is the schema served as JSON Schema, with every section required', () => {
    const json = z.toJSONSchema(referralSchema, { io: 'input', unrepresentable: 'any' }) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(json.required).toEqual(
      expect.arrayContaining(['referrer', 'family', 'violence', 'safety', 'sharing', 'description']),
    );
    expect(Object.keys(json.properties)).toEqual(Object.keys(example));
  });

  const invalid: [string, (r: Record<string, any>) => void, string, string][] = [
    ['a missing name', (r) => delete r.referrer.name, 'referrer.name', 'required'],
    ['a blank name', (r) => (r.referrer.name = '   '), 'referrer.name', 'required'],
    ['a name over the limit', (r) => (r.referrer.name = 'x'.repeat(121)), 'referrer.name', 'tooLong'],
    ['a bad e-mail address', (r) => (r.referrer.email = 'an at caw'), 'referrer.email', 'email'],
    ['letters in the phone number', (r) => (r.referrer.phone = 'call me'), 'referrer.phone', 'phone'],
    ['an unknown role', (r) => (r.referrer.role = 'wizard'), 'referrer.role', 'choose'],
    ['a string for the number of adults', (r) => (r.family.adults = '2'), 'family.adults', 'number'],
    ['zero adults', (r) => (r.family.adults = 0), 'family.adults', 'adultsRange'],
    ['a child aged 18', (r) => (r.family.children = [3, 18]), 'family.children', 'childAge'],
    ['sixteen children', (r) => (r.family.children = Array(16).fill(1)), 'family.children', 'tooMany'],
    ['no form of violence', (r) => (r.violence.forms = []), 'violence.forms', 'chooseOne'],
    ['a form of violence twice', (r) => (r.violence.forms = ['partner', 'partner']), 'violence.forms', 'invalid'],
    [
      '"other" violence without words',
      (r) => (r.violence.forms = ['other']),
      'violence.otherForm',
      'otherFormRequired',
    ],
    ['a yes/no/unknown answered "maybe"', (r) => (r.safety.weapons = 'maybe'), 'safety.weapons', 'choose'],
    [
      'consent while the family does not know',
      (r) => (r.sharing.familyInformed = 'no'),
      'sharing.legalBasis',
      'consentNeedsInformed',
    ],
    ['a description over 4,000 characters', (r) => (r.description = 'x'.repeat(4001)), 'description', 'tooLong'],
    ['an unknown top-level key', (r) => (r.outcome = 'eligible'), 'form', 'invalid'],
    [
      'a prototype-pollution key',
      (r) => (r.referrer = JSON.parse(JSON.stringify({ ...r.referrer }).replace('{', '{"__proto__":{"x":1},'))),
      'referrer',
      'invalid',
    ],
  ];
  for (const [name, mutate, field, code] of invalid) {
    it(`rejects ${name}`, () => {
      const errors = errorsOf(withChange(mutate));
      expect(
        errors.find((e) => e.field === field),
        JSON.stringify(errors),
      ).toMatchObject({ code });
    });
  }

  it('reports only codes that have a message', () => {
    const errors = errorsOf({ referrer: 1, family: [], violence: null, description: 5 });
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(ERROR_CODES).toContain(e.code);
  });

  it('asks a motivation when the outcome needs one, decided by the caller', () => {
    const schema = makeReferralSchema(() => true);
    expect(errorsOf(example, schema)).toEqual([{ field: 'motivation', code: 'motivationRequired' }]);
    expect(errorsOf({ ...example, motivation: 'Grote zorgen om de kinderen.' }, schema)).toEqual([]);
  });
});

describe('the plain form and the schema', () => {
  it('round-trips the example through form values', () => {
    const values = toFormValues(example, REFERRAL_FIELDS);
    expect(values['family.children']).toBe('3, 7');
    expect(values['violence.forms']).toEqual(['partner', 'child']);
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    const parsed = referralSchema.parse(toReferralInput(readForm(form, REFERRAL_FIELDS), REFERRAL_FIELDS));
    expect(parsed).toEqual(referralSchema.parse(example));
  });

  it('names each empty field, not its section, when the form is posted empty', () => {
    const errors = errorsOf(toReferralInput({}, REFERRAL_FIELDS));
    const fields = errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'referrer.name',
        'referrer.email',
        'family.location',
        'violence.forms',
        'safety.acuteDanger',
        'description',
      ]),
    );
    expect(fields).not.toContain('family');
    expect(errors.find((e) => e.field === 'referrer.name')?.code).toBe('required');
  });

  it('keeps a typed age that is not a number as an error, not as zero', () => {
    const input = toReferralInput({ 'family.children': '3, seven' }, ['family.children']) as {
      family: { children: number[] };
    };
    expect(input.family.children[0]).toBe(3);
    expect(Number.isNaN(input.family.children[1])).toBe(true);
  });

  it('reads only the fields of the step it is given, ignoring anything else posted', () => {
    const form = new URLSearchParams(
      'family.location=Lier&referrer.name=X&outcome=eligible&lifeDomains=debts&lifeDomains=housing',
    );
    expect(readForm(form, ELIGIBILITY_FIELDS)).toEqual({
      'family.location': 'Lier',
      lifeDomains: ['debts', 'housing'],
    });
  });
});

describe('references', () => {
  it('look like CO3-7KD3-QX9M and avoid look-alike characters', () => {
    for (let i = 0; i < 1000; i++) {
      const ref = newReference();
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref.slice(4)).not.toMatch(/[01IO]/);
    }
    expect(REFERENCE_ALPHABET).toHaveLength(32); // 8 symbols × 5 bits = 40 random bits
  });

  it('use all 40 bits: the lowest and highest inputs map to the ends of the alphabet', () => {
    expect(newReference((b) => b.fill(0))).toBe('CO3-2222-2222');
    expect(newReference((b) => b.fill(255))).toBe('CO3-ZZZZ-ZZZZ');
  });

  // Instead of 100,000 random draws (which collide about once in 220 runs at 40 bits): what makes
  // references unique is an injective encoding of 40 bits from the CSPRNG; both are checked exactly.
  const bytesOf = (n: bigint) => Uint8Array.from({ length: 5 }, (_, i) => Number((n >> BigInt(8 * (4 - i))) & 0xffn));
  const refOf = (n: bigint) =>
    newReference((b) => {
      b.set(bytesOf(n));
      return b;
    });

  it('give 100,000 different 40-bit draws 100,000 different references (the encoding loses nothing)', () => {
    // A seeded walk: i · K mod 2^40 with K odd visits 100,000 distinct 40-bit numbers.
    const K = 0x9e3779b97n;
    const seen = new Set<string>();
    for (let i = 0n; i < 100_000n; i++) seen.add(refOf((i * K) & 0xff_ffff_ffffn));
    expect(seen.size).toBe(100_000);
  });

  it('depend on every one of the 40 bits', () => {
    const base = 0x5a_5a5a_5a5an;
    const refs = new Set([refOf(base), ...Array.from({ length: 40 }, (_, bit) => refOf(base ^ (1n << BigInt(bit))))]);
    expect(refs.size).toBe(41);
  });

  it('draw their 40 bits from the platform CSPRNG, 5 bytes per reference', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const ref = newReference();
      expect(spy).toHaveBeenCalledTimes(1);
      const drawn = spy.mock.calls[0]![0] as Uint8Array;
      expect(drawn).toBeInstanceOf(Uint8Array);
      expect(drawn.length).toBe(5);
      expect(ref).toBe(
        newReference((b) => {
          b.set(drawn);
          return b;
        }),
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('are read back case-insensitively, and nothing else is', () => {
    expect(normaliseReference(' co3-7kd3-qx9m ')).toBe('CO3-7KD3-QX9M');
    expect(normaliseReference('CO3-7KD3-QX9O')).toBeNull();
    expect(normaliseReference('../../etc/passwd')).toBeNull();
  });
});
