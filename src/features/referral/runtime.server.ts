import rulesJson from '../../../content/referral-rules.json';
import { rulesSchema, type Area } from './eligibility.ts';
import { ConfigError, loadConfig } from './config.server.ts';
import { ReferralService } from './service.server.ts';

/**
 * The one referral service of this server process. `src/fetch.ts` starts it when the built
 * server starts, so pending deliveries resume after a restart without waiting for a visitor.
 */
export const rules = rulesSchema.parse(rulesJson);

/** Where the family lives. Until the locator decides it, the intake team checks the place. */
export function locateArea(_location: string): Area {
  return { status: 'unknown' };
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
