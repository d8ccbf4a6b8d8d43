import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rulesJson from '../fixtures/referral-rules.json';
import { loadConfig } from '../../src/features/referral/config.server.ts';
import { rulesSchema, type ReferralArea } from '../../src/features/referral/eligibility.ts';
import { ReferralService } from '../../src/features/referral/service.server.ts';

/** The referral service with a real outbox (node:sqlite) in a temporary DATA_DIR; no delivery. */
const example = () =>
  JSON.parse(readFileSync('docs/referral.example.json', 'utf8')) as Record<string, Record<string, unknown>>;
const rules = rulesSchema.parse(rulesJson);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function makeService(locate: () => ReferralArea) {
  const dir = mkdtempSync(path.join(tmpdir(), 'co3-service-'));
  dirs.push(dir);
  const config = loadConfig(
    { DATA_DIR: path.join(dir, 'data'), INTAKE_INBOX_DIR: path.join(dir, 'inbox'), REFERRAL_RATE_LIMIT: '0' },
    dir,
  );
  const service = new ReferralService(config, rules, locate);
  service.stop(); // no delivery here: only validation and storing
  afterAll(() => service.close());
  return service;
}
const served = (): ReferralArea => ({ status: 'served', place: 'Antwerpen' });

describe('the check runs once per submission', () => {
  let calls = 0;
  const service = makeService(() => {
    calls += 1;
    return served();
  });
  const submit = async (input: unknown) => {
    calls = 0;
    const result = await service.submit(input, { client: '192.0.2.1', locale: 'nl' });
    return { result, calls };
  };

  it('for an accepted referral, with or without a motivation', async () => {
    expect(await submit(example())).toMatchObject({ result: { kind: 'accepted', outcome: 'eligible' }, calls: 1 });
    expect(await submit({ ...example(), motivation: 'Toch.' })).toMatchObject({
      result: { kind: 'accepted' },
      calls: 1,
    });
  });

  it('for a refused one, whether the motivation rule ran or not', async () => {
    const notEligible = {
      ...example(),
      violence: { ...example().violence, repeated: 'no' },
      situation: { unsafe: 'no', hardStart: 'no' },
    };
    const missing = await submit(notEligible);
    expect(missing.calls).toBe(1);
    expect(missing.result).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'motivation', code: 'motivationRequired' }],
      assessment: { outcome: 'not-eligible' },
    });
    const noName = await submit({ ...example(), referrer: { ...example().referrer, name: '' } });
    expect(noName).toMatchObject({ result: { kind: 'invalid', assessment: { outcome: 'eligible' } }, calls: 1 });
  });
});
