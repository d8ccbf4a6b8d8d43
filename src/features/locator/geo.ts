import type { Place, PlacesIndex } from './places.ts';

const EARTH_KM = 6371;

/** Great-circle distance in kilometres. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Furthest a position may be from the nearest known place and still count as in Belgium.
 * Every Belgian municipality is in the data, so a position inside the country is a few
 * kilometres from one; the answer always names the place it used.
 */
export const MAX_NEAREST_KM = 20;

/**
 * The known place nearest to a position (the browser's geolocation, used in the browser
 * only), or null when the position is not in or near Belgium.
 */
export function nearestPlace(index: PlacesIndex, lat: number, lon: number): { place: Place; km: number } | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  let best: Place | null = null;
  let bestKm = Infinity;
  for (const p of index.places) {
    if (p.kind !== 'main') continue;
    const d = km(lat, lon, p.lat, p.lon);
    if (d < bestKm) {
      bestKm = d;
      best = p;
    }
  }
  return best && bestKm <= MAX_NEAREST_KM ? { place: best, km: bestKm } : null;
}

/** A spherical Mercator projection fitted to the map (scale and translation from d3-geo). */
export interface Projection {
  scale: number;
  translate: [number, number];
}

/**
 * Projects a longitude/latitude onto the map, the way d3's geoMercator does, so the server
 * and the browser can place a marker without shipping d3.
 */
export function project(lon: number, lat: number, p: Projection): [number, number] {
  const r = Math.PI / 180;
  const x = p.scale * lon * r + p.translate[0];
  const y = -p.scale * Math.log(Math.tan(Math.PI / 4 + (lat * r) / 2)) + p.translate[1];
  return [x, y];
}
