import type { APIRoute } from 'astro';
import type { ApiAnswer } from '../../features/referral/api-answer';
import { answerReferralApi } from '../../features/referral/api.server';
import { readBytes } from '../../lib/body';

export const prerender = false;

const toResponse = (answer: ApiAnswer) => new Response(answer.body, { status: answer.status, headers: answer.headers });

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
export const ALL: APIRoute = () =>
  new Response(JSON.stringify({ error: 'method-not-allowed' }), {
    status: 405,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Allow: 'POST' },
  });
