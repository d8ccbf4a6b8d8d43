import rulesJson from '../../../content/referral-rules.json';
import centresJson from '../../../content/centres.json';
import { placesIndex } from '../locator/data.ts';
import { locate } from '../locator/locate.ts';
import { areaFromAnswer, rulesSchema, type ReferralArea, type CentreRef } from './eligibility.ts';
import { ConfigError, loadConfig } from './config.server.ts';
import { ReferralService } from './service.server.ts';
import { KeyChanged } from './outbox.server.ts';
import { DatabaseUnavailable, PgOutbox, describeDatabaseUrl } from './pg-outbox.server.ts';

/**
 * The one referral service of this server process. `src/fetch.ts` starts it when the built
 * server starts, so pending deliveries resume after a restart without waiting for a visitor.
 */
export const rules = rulesSchema.parse(rulesJson);

const centres = centresJson as unknown as CentreRef[];

/** Where the family lives, as the locator reads the town or postcode the referrer typed. */
export function locateArea(location: string): ReferralArea {
  return areaFromAnswer(locate(location, { index: placesIndex(), centres }), rules.area.centre);
}

let service: ReferralService | null = null;

/** Stop the start with a message naming the setting (exit 78, EX_CONFIG, like every invalid setting). */
function refuse(message: string): never {
  console.error(`referrals: invalid configuration: ${message}`);
  process.exit(78);
}

/** The start-up refusal for a REFERRAL_KEY that does not fit the referrals waiting in the store. */
function refuseKeyChange(error: KeyChanged, where: string): never {
  refuse(
    `REFERRAL_KEY differs from the key the outbox in ${where} was written with, and ${error.pending} referral(s) sealed with the old key are pending; with this key they can never be delivered. ` +
      'Start with the old REFERRAL_KEY to deliver them (then change it when none is pending), or set REFERRAL_KEY_CHANGED=dead-letter to start anyway: they then go to the dead letter at once, unreadable, and the log lists their references so the referrers can be asked to send them again.',
  );
}

function reportKeyCheck(check: { changed: boolean; deadLettered: string[] }): void {
  if (!check.changed) return;
  console.warn(
    check.deadLettered.length > 0
      ? `referrals: REFERRAL_KEY changed (REFERRAL_KEY_CHANGED=dead-letter): ${check.deadLettered.length} pending referral(s) sealed with the old key moved to the dead letter: ${check.deadLettered.join(', ')}`
      : 'referrals: REFERRAL_KEY changed; no referral was pending. Repeats of earlier requests with their Idempotency-Key are answered 409.',
  );
}

/**
 * With DATABASE_URL: PostgreSQL. The service exists at once; connecting, migrating and the key
 * check run in the background (requests wait for them), and a database that cannot be reached
 * or refuses the login stops the server (exit 78) naming DATABASE_URL.
 */
function startWithDatabase(config: ReturnType<typeof loadConfig>): ReferralService {
  const store = new PgOutbox(config.databaseUrl!, config.key, { leaseMs: config.leaseMs });
  const started = new ReferralService(config, rules, locateArea, { store });
  // Connect, migrate, check the key; requests (and /healthz) wait for it.
  store.start(config.acceptKeyChange).then(
    (check) => {
      reportKeyCheck(check);
      console.info(`referrals: outbox in PostgreSQL (${describeDatabaseUrl(config.databaseUrl!)})`);
      started.start();
    },
    (error: unknown) => {
      if (error instanceof KeyChanged) refuseKeyChange(error, 'DATABASE_URL');
      const code =
        error instanceof DatabaseUnavailable
          ? error.code
          : String((error as { code?: unknown }).code ?? (error as Error).name ?? 'error');
      refuse(
        `DATABASE_URL: cannot use the PostgreSQL database at ${describeDatabaseUrl(config.databaseUrl!)} (${code}${/^28/.test(code) ? ': login refused, check the user and password' : code === '3D000' ? ': no such database' : ''})`,
      );
    },
  );
  return started;
}

export function startReferralService(): ReferralService {
  if (service) return service;
  let started: ReferralService;
  try {
    const config = loadConfig();
    for (const warning of config.warnings) console.warn(`referrals: ${warning}`);
    if (config.databaseUrl) {
      service = startWithDatabase(config);
      return service;
    }
    try {
      started = new ReferralService(config, rules, locateArea);
    } catch (error) {
      const e = error as { code?: unknown; errcode?: unknown };
      refuse(
        `DATA_DIR: the outbox in ${config.dataDir} cannot be opened (${typeof e.errcode === 'number' ? `sqlite-${e.errcode}` : String(e.code ?? 'error')})`,
      );
    }
    // SQLite answers synchronously.
    reportKeyCheck(started.outbox.checkKey(config.acceptKeyChange) as { changed: boolean; deadLettered: string[] });
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    if (error instanceof KeyChanged) refuseKeyChange(error, 'DATA_DIR');
    throw error;
  }
  service = started;
  service.start();
  return service;
}

export function referralService(): ReferralService {
  return service ?? startReferralService();
}

/** At shutdown: stop delivering, give back leases, close the store (nothing when the service never started). */
export async function stopReferralService(): Promise<void> {
  const running = service;
  service = null;
  await running?.close();
}
