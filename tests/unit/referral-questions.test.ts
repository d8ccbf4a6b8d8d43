import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import rulesJson from '../fixtures/referral-rules.json';
import nl from '../../locales/nl/referral.json';
import { loadConfig } from '../../src/features/referral/config.server.ts';
import { rulesSchema, type ReferralArea } from '../../src/features/referral/eligibility.ts';
import { ELIGIBILITY_FIELDS, REFERRAL_FIELDS } from '../../src/features/referral/form.ts';
import { composeIntakeMessage } from '../../src/features/referral/message.ts';
import { CHECK_QUESTIONS, QUESTIONS, REFERRAL_QUESTIONS, SECTIONS, isChoice } from '../../src/features/referral/questions.ts';
import { eligibilitySchema, referralSchema } from '../../src/features/referral/schema.ts';
import { ReferralService } from '../../src/features/referral/service.server.ts';

const example = () => JSON.parse(readFileSync('docs/referral.example.json', 'utf8')) as Record<string, Record<string, unknown>>;
const get = (o: unknown, p: string) => p.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);

describe('the table of referral questions', () => {
  it('is the schema: every row is a property, and nothing else is', () => {
    const json = z.toJSONSchema(referralSchema, { io: 'input' }) as { properties: Record<string, { properties?: object }> };
    const paths = Object.entries(json.properties).flatMap(([k, v]) => (v.properties ? Object.keys(v.properties).map((s) => `${k}.${s}`) : [k]));
    expect(paths).toEqual(QUESTIONS.map((q) => q.path));
    expect(REFERRAL_FIELDS).toEqual(QUESTIONS.map((q) => q.path));
  });

  it('makes step one a subset of step two, in the check’s own order', () => {
    expect(ELIGIBILITY_FIELDS.every((f) => REFERRAL_FIELDS.includes(f))).toBe(true);
    expect(CHECK_QUESTIONS.map((q) => q.check!.order)).toEqual([...CHECK_QUESTIONS.map((q) => q.check!.order)].sort((a, b) => a - b));
    expect(eligibilitySchema.safeParse({}).success).toBe(false);
  });

  it('gives every row a label, and every option a label, in the intake team’s language (the other five follow nl: translations.test.ts)', () => {
    const fields = nl.fields as unknown;
    for (const q of REFERRAL_QUESTIONS) {
      expect(get(fields, `${q.path}.label`), q.path).toEqual(expect.any(String));
      expect(SECTIONS).toContain(q.section);
      if (isChoice(q)) for (const o of q.options) expect(get(nl.options, `${q.group}.${o}`), `${q.path}=${o}`).toEqual(expect.any(String));
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
    const r = referralSchema.parse({ ...example(), motivation: 'Toch nodig.', violence: { ...example().violence, forms: ['other'], otherForm: 'x' }, organisations: { involved: [], other: 'y' } });
    const text = composeIntakeMessage({
      reference: 'CO3-7KD3-QX9M',
      receivedAt: new Date('2026-11-23T10:00:00Z'),
      referral: r,
      assessment: { outcome: 'eligible', urgent: false, criteria: [], optionalMet: 0, optionalNeeded: 0, area: { status: 'served', place: 'x' } },
      from: 'portal@co3.example',
      to: 'intake@co3.example',
    }).text;
    for (const q of REFERRAL_QUESTIONS) expect(text, q.path).toContain(`\n${q.mail.label}:\n`);
  });
});

describe('the check runs once per submission', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'co3-once-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rules = rulesSchema.parse(rulesJson);
  let calls = 0;
  const locate = (): ReferralArea => {
    calls += 1;
    return { status: 'served', place: 'Antwerpen' };
  };
  const service = new ReferralService(loadConfig({ DATA_DIR: path.join(dir, 'data'), INTAKE_INBOX_DIR: path.join(dir, 'inbox'), REFERRAL_RATE_LIMIT: '0' }, dir), rules, locate);
  service.stop(); // no delivery here: only validation and storing
  afterAll(() => service.close());
  const submit = async (input: unknown) => {
    calls = 0;
    const result = await service.submit(input, { client: '192.0.2.1', locale: 'nl' });
    return { result, calls };
  };

  it('for an accepted referral, with or without a motivation', async () => {
    expect(await submit(example())).toMatchObject({ result: { kind: 'accepted', outcome: 'eligible' }, calls: 1 });
    expect(await submit({ ...example(), motivation: 'Toch.' })).toMatchObject({ result: { kind: 'accepted' }, calls: 1 });
  });

  it('for a refused one, whether the motivation rule ran or not', async () => {
    const notEligible = { ...example(), violence: { ...example().violence, repeated: 'no' }, situation: { unsafe: 'no', hardStart: 'no' } };
    const missing = await submit(notEligible);
    expect(missing.calls).toBe(1);
    expect(missing.result).toMatchObject({ kind: 'invalid', errors: [{ field: 'motivation', code: 'motivationRequired' }], assessment: { outcome: 'not-eligible' } });
    const noName = await submit({ ...example(), referrer: { ...example().referrer, name: '' } });
    expect(noName).toMatchObject({ result: { kind: 'invalid', assessment: { outcome: 'eligible' } }, calls: 1 });
  });
});
