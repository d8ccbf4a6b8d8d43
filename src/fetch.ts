import { DefaultFetchHandler } from 'astro/app/fetch/default-handler';
import { startReferralService } from './features/referral/runtime.server';
import { siteUrlWarning } from './lib/site-url';

// Astro loads this module when the built server starts (it is the request entrypoint), which
// makes it the place to start the referral dispatcher: deliveries left pending before a crash
// or restart resume at once, not at the next visit. The build imports it too, to prerender
// pages: the service starts only in the server process. It is also where the server says,
// once, that the build's links point at localhost (a build made without SITE_URL).
if (import.meta.env.PROD && /[/\\]server[/\\]entry\.mjs$/.test(process.argv[1] ?? '')) {
  const warning = siteUrlWarning(import.meta.env.SITE, process.env['SITE_URL']);
  if (warning) console.warn(warning);
  startReferralService();
}

export default new DefaultFetchHandler();
