import type { APIRoute } from 'astro';
import { areaOfNis } from '../../features/locator/areas.ts';
import { locate } from '../../features/locator/locate.ts';
import { locatorContext } from '../../features/locator/locator.server';
import { placeName, type NameLocale, type Place } from '../../features/locator/places.ts';
import { searchPlaces, suggestPlaces } from '../../features/locator/search.ts';
import { MAX_QUERY_LENGTH } from '../../features/locator/normalise.ts';
import { describe, makeT, placeQuery, whereIs, type CentreView, type T } from '../../features/locator/view.ts';
import { isLocale } from '../../i18n/locales';

export const prerender = false;

/**
 * `GET /api/centres?q=…&lang=…`: the locator's answer as JSON, the same as the page's.
 * `place` is what the query was understood as (a municipality or a postcode area) or null;
 * `centre` the centre that serves it or null; `message` says why not, in `lang`.
 * `places` lists each place of a shared name or a postcode with its own answer.
 * `?suggest=1` answers the search field as you type: `{ suggestions: [{ name, detail, q }] }`,
 * where `q` is the query that finds exactly that place ("2140 Borgerhout").
 * A missing or over-long `q` is a 400, never a 500. Nothing about the query is logged.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const lang = url.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : locals.locale;
  const ctx = await locatorContext(locale);
  const t = makeT(ctx.strings);
  const q = url.searchParams.get('q');
  const nis = url.searchParams.get('nis');
  if (q === null)
    return json(400, { error: 'missing-q', lang: locale, place: null, centre: null, message: t('answer.empty') });

  if (url.searchParams.get('suggest') !== null) {
    if (q.length > MAX_QUERY_LENGTH) return json(400, { error: 'query-too-long', lang: locale, suggestions: [] });
    const hits = searchPlaces(ctx.index, q, 8);
    const found = hits.length > 0 ? hits : suggestPlaces(ctx.index, q, 5);
    return json(200, {
      lang: locale,
      suggestions: found.map((h) => ({
        name: h.matched,
        detail: detail(h.place, t, locale),
        q: placeQuery(h.place, h.matched),
      })),
    });
  }

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
      ? { type: 'place', matched: answer.matched, ...placeJson(answer.place, t, locale) }
      : answer.kind === 'postcode'
        ? { type: 'postcode', postcode: answer.postcode, area: answer.area.id, name: t(`areas.${answer.area.id}`) }
        : null;
  const places =
    answer.kind === 'places' || answer.kind === 'postcode'
      ? answer.places.map((p) => ({
          ...placeJson(p.place, t, locale),
          outcome: p.outcome.kind,
          centre: p.outcome.kind === 'served' ? p.outcome.centre.id : null,
          candidates:
            p.outcome.kind === 'served' || p.outcome.kind === 'none' ? [] : p.outcome.candidates.map((c) => c.id),
        }))
      : [];
  const hits = answer.kind === 'no-match' ? answer.suggestions : answer.kind === 'place' ? answer.others : [];
  return json(200, {
    query: q.trim(),
    lang: locale,
    kind: answer.kind,
    outcome: outcome?.kind ?? null,
    place,
    centre: centre ? centreJson(centre) : null,
    candidates: candidates.map(centreJson),
    places,
    suggestions: hits.map((h) => ({
      name: h.matched,
      place: placeName(h.place, locale),
      detail: detail(h.place, t, locale),
      q: placeQuery(h.place, h.matched),
    })),
    reason,
    message,
  });
};

/** A place as the endpoint describes it: names, postcodes, its municipality and where it lies. */
function placeJson(p: Place, t: T, locale: NameLocale) {
  const m = p.municipality;
  return {
    name: placeName(p, locale),
    kind: p.kind,
    postcodes: p.postcodes,
    municipality: placeName(m, locale),
    // A code is given only where a source has it (see docs/locator.md).
    nis: /^\d{5}$/.test(p.nis) ? p.nis : null,
    arrondissement: p.arrondissement,
    area: areaOfNis(p.nis)?.id ?? null,
    mergedInto: m.merger ? { name: m.merger.name, year: m.merger.year } : null,
    where: whereIs(p, t, locale),
    lon: p.lon,
    lat: p.lat,
  };
}

/** The line under a suggestion: postcode, municipality, province. */
function detail(p: Place, t: T, locale: NameLocale): string {
  const area = areaOfNis(p.nis);
  const head =
    p.kind === 'merged' ? placeName(p, locale) : `${p.postcodes[0] ?? ''} ${placeName(p.municipality, locale)}`;
  return [head, area ? t(`areas.${area.id}`) : ''].filter(Boolean).join(' · ');
}

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
