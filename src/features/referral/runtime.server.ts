import rulesJson from '../../../content/referral-rules.json';
import centresJson from '../../../content/centres.json';
import { placesIndex } from '../locator/data.ts';
import { locate } from '../locator/locate.ts';
import { areaFromAnswer, rulesSchema, type ReferralArea, type CentreRef } from './eligibility.ts';
import { ConfigError, loadConfig } from './config.server.ts';
import { ReferralService } from './service.server.ts';
import { KeyChanged } from './outbox.server.ts';

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

export function startReferralService(): ReferralService {
  if (service) return service;
  let started: ReferralService;
  try {
    const config = loadConfig();
    for (const warning of config.warnings) console.warn(`referrals: ${warning}`);
    try {
      started = new ReferralService(config, rules, locateArea);
    } catch (error) {
      const e = error as { code?: unknown; errcode?: unknown };
      refuse(`DATA_DIR: the outbox in ${config.dataDir} cannot be opened (${typeof e.errcode === 'number' ? `sqlite-${e.errcode}` : String(e.code ?? 'error')})`);
    }
    const check = started.outbox.checkKey(config.acceptKeyChange);
    if (check.changed) {
      console.warn(
        check.deadLettered.length > 0
          ? `referrals: REFERRAL_KEY changed (REFERRAL_KEY_CHANGED=dead-letter): ${check.deadLettered.length} pending referral(s) sealed with the old key moved to the dead letter: ${check.deadLettered.join(', ')}`
          : 'referrals: REFERRAL_KEY changed; no referral was pending. Repeats of earlier requests with their Idempotency-Key are answered 409.',
      );
    }
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    if (error instanceof KeyChanged) {
      refuse(
        `REFERRAL_KEY differs from the key the outbox in DATA_DIR was written with, and ${error.pending} referral(s) sealed with the old key are pending; with this key they can never be delivered. ` +
          'Start with the old REFERRAL_KEY to deliver them (then change it when none is pending), or set REFERRAL_KEY_CHANGED=dead-letter to start anyway: they then go to the dead letter at once, unreadable, and the log lists their references so the referrers can be asked to send them again.',
      );
    }
    throw error;
  }
  service = started;
  service.start();
  return service;
}

export function referralService(): ReferralService {
  return service ?? startReferralService();
}
