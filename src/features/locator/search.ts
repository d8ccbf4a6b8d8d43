import { normalise } from './normalise.ts';
import type { Place, PlacesIndex } from './places.ts';

export interface PlaceHit {
  place: Place;
  /** The name that matched, as written ("Anvers" finds Antwerpen). */
  matched: string;
  /** 0 exact, 1 the name starts with the query, 2 a later word of the name does. */
  score: number;
}

/**
 * Places whose names match a query, best first: exact before prefix before a later word's
 * prefix; among equals a place's own name before an alias, then the bigger place.
 * One hit per place.
 * @example searchPlaces(index, 'anv')[0]?.place.label // => 'Antwerpen'
 */
export function searchPlaces(index: PlacesIndex, query: string, limit = 8): PlaceHit[] {
  const q = normalise(query);
  if (!q) return [];
  const best = new Map<Place, { hit: PlaceHit; order: number }>();
  for (const n of index.names) {
    let score: number;
    if (n.key === q) score = 0;
    else if (n.key.startsWith(q)) score = 1;
    else if (n.key.includes(` ${q}`)) score = 2;
    else continue;
    // Rank within a score: own names before aliases, then population (the row order).
    const order = (score * 2 + (n.primary ? 0 : 1)) * 100_000 + n.place.rank;
    const prev = best.get(n.place);
    if (!prev || order < prev.order) best.set(n.place, { hit: { place: n.place, matched: n.name, score }, order });
  }
  return [...best.values()]
    .sort((a, b) => a.order - b.order)
    .slice(0, limit)
    .map((b) => b.hit);
}

/**
 * Places whose names are close to a query that matched nothing ("Mechlen", "Brusel"), for
 * "did you mean". Edit distance, allowing more typos in longer words.
 */
export function suggestPlaces(index: PlacesIndex, query: string, limit = 5): PlaceHit[] {
  const q = normalise(query);
  if (q.length < 3) return [];
  const budget = q.length <= 5 ? 1 : q.length <= 9 ? 2 : 3;
  const best = new Map<Place, { hit: PlaceHit; order: number }>();
  for (const n of index.names) {
    // Compare with the start of the name as long as the query, so a typo in a prefix counts too.
    const target = n.key.length > q.length + budget ? n.key.slice(0, q.length) : n.key;
    if (Math.abs(target.length - q.length) > budget) continue;
    const d = distance(q, target, budget);
    if (d > budget) continue;
    const order = d * 100_000 + n.place.rank;
    const prev = best.get(n.place);
    if (!prev || order < prev.order)
      best.set(n.place, { hit: { place: n.place, matched: n.name, score: 3 + d }, order });
  }
  return [...best.values()]
    .sort((a, b) => a.order - b.order)
    .slice(0, limit)
    .map((b) => b.hit);
}

// Rows reused across calls: suggestions run on every miss, and allocating three arrays per
// name compared made the slowest lookups several times slower (garbage collection).
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Levenshtein distance with transpositions, giving up (returning max + 1) past `max`. */
export function distance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (n + 1 > rows[0]!.length) rows = [0, 1, 2].map(() => new Int32Array(n + 1));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}
