import type { APIRoute } from 'astro';
import { areaOfNis } from '../../features/locator/areas.ts';
import { locate } from '../../features/locator/locate.ts';
import { locatorContext } from '../../features/locator/locator.server';
import { placeName } from '../../features/locator/places.ts';
import { describe, makeT, type CentreView } from '../../features/locator/view.ts';
import { isLocale } from '../../i18n/locales';

export const prerender = false;

/**
 * `GET /api/centres?q=…&lang=…`: the locator's answer as JSON, the same as the page's.
 * `place` is what the query was understood as (a municipality or a postcode area) or null;
 * `centre` the centre that serves it or null; `message` says why not, in `lang`.
 * A missing or over-long `q` is a 400, never a 500. Nothing about the query is logged.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const lang = url.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : locals.locale;
  const ctx = await locatorContext(locale);
  const t = makeT(ctx.strings);
  const q = url.searchParams.get('q');
  const nis = url.searchParams.get('nis');
  if (q === null) return json(400, { error: 'missing-q', lang: locale, place: null, centre: null, message: t('answer.empty') });

  const answer = locate(q, { index: ctx.index, centres: ctx.centres, prefer: nis && /^\d{5}$/.test(nis) ? nis : null });
  const { reason, message } = describe(answer, t, locale);
  if (answer.kind === 'too-long') {
    return json(400, { error: 'query-too-long', lang: locale, place: null, centre: null, message });
  }
  const outcome = 'outcome' in answer ? answer.outcome : null;
  const centre = outcome?.kind === 'served' ? outcome.centre : null;
  const candidates = outcome && (outcome.kind === 'choose' || outcome.kind === 'unconfirmed') ? outcome.candidates : [];
  const place =
    answer.kind === 'place'
      ? {
          type: 'municipality',
          name: placeName(answer.place, locale),
          matched: answer.matched,
          nis: answer.place.nis,
          arrondissement: answer.place.arrondissement,
          area: areaOfNis(answer.place.nis)?.id ?? null,
          lon: answer.place.lon,
          lat: answer.place.lat,
        }
      : answer.kind === 'postcode'
        ? { type: 'postcode', postcode: answer.postcode, area: answer.area.id, name: t(`areas.${answer.area.id}`) }
        : null;
  const hits = answer.kind === 'no-match' ? answer.suggestions : answer.kind === 'place' ? answer.others : [];
  return json(200, {
    query: q.trim(),
    lang: locale,
    kind: answer.kind,
    outcome: outcome?.kind ?? null,
    place,
    centre: centre ? centreJson(centre) : null,
    candidates: candidates.map(centreJson),
    suggestions: hits.map((h) => ({ name: h.matched, place: placeName(h.place, locale), nis: h.place.nis })),
    reason,
    message,
  });
};

function centreJson(c: CentreView) {
  return {
    id: c.id,
    name: c.name,
    city: c.city,
    status: c.status,
    region: c.region,
    address: c.address,
    phone: c.phone,
    email: c.email,
    website: c.website,
    hours: c.hours,
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
