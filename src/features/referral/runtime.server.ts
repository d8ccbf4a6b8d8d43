import rulesJson from '../../../content/referral-rules.json';
import centresJson from '../../../content/centres.json';
import { placesIndex } from '../locator/data.ts';
import { locate } from '../locator/locate.ts';
import { areaFromAnswer, rulesSchema, type Area, type CentreRef } from './eligibility.ts';
import { ConfigError, loadConfig } from './config.server.ts';
import { ReferralService } from './service.server.ts';

/**
 * The one referral service of this server process. `src/fetch.ts` starts it when the built
 * server starts, so pending deliveries resume after a restart without waiting for a visitor.
 */
export const rules = rulesSchema.parse(rulesJson);

const centres = centresJson as unknown as CentreRef[];

/** Where the family lives, as the locator reads the town or postcode the referrer typed. */
export function locateArea(location: string): Area {
  return areaFromAnswer(locate(location, { index: placesIndex(), centres }), rules.area.centre);
}

let service: ReferralService | null = null;

export function startReferralService(): ReferralService {
  if (service) return service;
  try {
    const config = loadConfig();
    for (const warning of config.warnings) console.warn(`referrals: ${warning}`);
    service = new ReferralService(config, rules, locateArea);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`referrals: invalid configuration: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  service.start();
  return service;
}

export function referralService(): ReferralService {
  return service ?? startReferralService();
}
