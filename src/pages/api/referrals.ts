import type { APIRoute } from 'astro';
import { json, toResponse } from '../../features/referral/api-answer';
import { answerReferralApi } from '../../features/referral/api.server';
import { readBytes } from '../../lib/body';

export const prerender = false;

/**
 * POST /api/referrals (docs/referral-api.md). The built server answers it before Astro's pipeline
 * (src/server/entry.ts); this endpoint is the same answer for `astro dev` and anything that
 * reaches the pipeline. Cross-site calls were refused before this runs (src/middleware.ts).
 */
export const POST: APIRoute = async ({ request, url, clientAddress }) =>
  toResponse(
    await answerReferralApi({
      headers: request.headers,
      lang: url.searchParams.get('lang'),
      client: clientAddress,
      body: (limit) => readBytes(request, limit),
    }),
  );

/** Anything but POST on this address. */
export const ALL: APIRoute = () => toResponse(json(405, { error: 'method-not-allowed' }, { Allow: 'POST' }));
