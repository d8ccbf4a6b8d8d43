import type { APIRoute } from 'astro';
import { z } from 'zod';
import { referralSchema } from '../../../features/referral/schema';

/** The referral's JSON Schema, converted by zod from the one schema the server validates with. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        ...z.toJSONSchema(referralSchema, { io: 'input', unrepresentable: 'any' }),
        $id: '/api/referrals/schema.json',
        title: 'CO3 referral',
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } },
  );
