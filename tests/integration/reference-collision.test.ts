import { afterAll, describe, expect, it } from 'vitest';
import rulesJson from '../fixtures/referral-rules.json';
import { loadConfig } from '../../src/features/referral/config.server.ts';
import { rulesSchema, type ReferralArea } from '../../src/features/referral/eligibility.ts';
import { PgOutbox } from '../../src/features/referral/pg-outbox.server.ts';
import { ReferralService } from '../../src/features/referral/service.server.ts';
import { BACKENDS, backendEnv } from './backends.ts';
import { example, tempDir } from './harness.ts';

// A reference names one referral. The store says when a drawn reference is taken, in the
// transaction that would store it, and the service draws another: on both stores.

const rules = rulesSchema.parse(rulesJson);
const served = (): ReferralArea => ({ status: 'served', place: 'Antwerpen' });
const closing: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
});

async function makeService(backend: (typeof BACKENDS)[number], draws: () => string): Promise<ReferralService> {
  const dir = tempDir('collision');
  const config = loadConfig(
    {
      DATA_DIR: `${dir}/data`,
      INTAKE_INBOX_DIR: `${dir}/inbox`,
      REFERRAL_RATE_LIMIT: '0',
      ...(await backendEnv(backend)),
    },
    dir,
  );
  const store = config.databaseUrl
    ? new PgOutbox(config.databaseUrl, config.key, { leaseMs: config.leaseMs })
    : undefined;
  const service = new ReferralService(config, rules, served, { newReference: draws, ...(store ? { store } : {}) });
  service.stop(); // no delivery here: only storing
  closing.push(() => service.close());
  return service;
}

describe.each(BACKENDS)('a reference already taken (%s)', (backend) => {
  const submit = (service: ReferralService, headers: { idempotencyKey?: string } = {}) =>
    service.submit(example(), { client: '192.0.2.1', locale: 'nl', ...headers });

  it('is drawn again, so each reference names one referral', async () => {
    const draws = ['CO3-AAAA-AAAA', 'CO3-AAAA-AAAA', 'CO3-BBBB-BBBB'];
    const service = await makeService(backend, () => draws.shift()!);
    expect(await submit(service)).toMatchObject({ kind: 'accepted', reference: 'CO3-AAAA-AAAA' });
    expect(await submit(service)).toMatchObject({ kind: 'accepted', reference: 'CO3-BBBB-BBBB' });
    expect((await service.outbox.counts()).pending).toBe(2);
  });

  it('is drawn again in the same batch, with an Idempotency-Key too', async () => {
    const draws = ['CO3-DDDD-DDDD', 'CO3-DDDD-DDDD', 'CO3-EEEE-EEEE', 'CO3-DDDD-DDDD', 'CO3-FFFF-FFFF'];
    const service = await makeService(backend, () => draws.shift()!);
    // Together: both reach the store before either is committed.
    const [a, b] = await Promise.all([submit(service), submit(service, { idempotencyKey: 'k-1' })]);
    expect(new Set([a, b].map((r) => (r as { reference: string }).reference))).toEqual(
      new Set(['CO3-DDDD-DDDD', 'CO3-EEEE-EEEE']),
    );
    // The key's answer is the reference it was stored with.
    const again = await submit(service, { idempotencyKey: 'k-1' });
    expect(again).toMatchObject({ kind: 'accepted', replay: true, reference: (b as { reference: string }).reference });
    const c = await submit(service, { idempotencyKey: 'k-2' });
    expect(c).toMatchObject({ kind: 'accepted', reference: 'CO3-FFFF-FFFF' });
    expect((await service.outbox.counts()).pending).toBe(3);
  });

  // The page and the API answer a failed store with 503.
  it('five times in a row is a broken generator: storing fails, nothing is overwritten', async () => {
    const service = await makeService(backend, () => 'CO3-CCCC-CCCC');
    await submit(service);
    await expect(submit(service)).rejects.toThrow('no free reference');
    expect((await service.outbox.counts()).pending).toBe(1);
  });
});
