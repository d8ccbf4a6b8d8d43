import { AREAS, areaOfNis, type Area } from './areas.ts';
import type { Municipality, Place } from './places.ts';

/** What the locator needs to know of a centre; the content collection holds the rest. */
export interface CentreArea {
  id: string;
  /** NIS codes it serves: two digits for a whole arrondissement, five for a municipality. */
  serves: readonly string[];
}

/**
 * Who serves a place or a postcode:
 * - `served`: one centre, and why (it serves the municipality itself or its arrondissement);
 * - `choose`: a postcode or a name that holds places of different centres: the visitor picks;
 * - `unconfirmed`: centres work in the area, but the sources do not say which one serves this
 *   place (West Flanders has two, whose borders are not published in our sources);
 * - `none`: no centre in the sources serves this area (most of Wallonia).
 */
export type Outcome<C extends CentreArea = CentreArea> =
  | { kind: 'served'; centre: C; via: 'municipality' | 'arrondissement' }
  | { kind: 'choose'; candidates: C[] }
  /** `moved`: a merger moved the place to another arrondissement (Zwijndrecht, 2025). */
  | { kind: 'unconfirmed'; candidates: C[]; moved?: boolean }
  | { kind: 'none' };

/**
 * The centre that serves a municipality (NIS code). A centre that names the municipality
 * itself wins over one that serves its whole arrondissement, so editors can record exceptions.
 * @example resolvePlace('12021', centres) // Lier => { kind: 'served', centre: mechelen, via: 'arrondissement' }
 */
export function resolvePlace<C extends CentreArea>(
  nis: string,
  centres: readonly C[],
  areas: readonly Area[] = AREAS,
): Outcome<C> {
  const own = centres.find((c) => c.serves.includes(nis));
  if (own) return { kind: 'served', centre: own, via: 'municipality' };
  const arr = centres.find((c) => c.serves.includes(nis.slice(0, 2)));
  if (arr) return { kind: 'served', centre: arr, via: 'arrondissement' };
  const area = areaOfNis(nis, areas);
  const candidates = area ? centresInArea(area, centres) : [];
  return candidates.length > 0 ? { kind: 'unconfirmed', candidates } : { kind: 'none' };
}

/**
 * The centre of a locality: its municipality's, or for a merged municipality's new name the
 * common answer of the municipalities it joined. Where a merger moved a municipality to an
 * arrondissement with another centre and no source says which serves it now, both are
 * candidates, "to be confirmed".
 */
export function resolveLocality<C extends CentreArea>(
  place: Place,
  centres: readonly C[],
  areas: readonly Area[] = AREAS,
): Outcome<C> {
  if (place.kind === 'merged') return combineOutcomes(place.members.map((m) => resolveMunicipality(m, centres, areas)));
  return resolveMunicipality(place.municipality, centres, areas);
}

function resolveMunicipality<C extends CentreArea>(
  m: Municipality,
  centres: readonly C[],
  areas: readonly Area[],
): Outcome<C> {
  const own = resolvePlace(m.nis, centres, areas);
  if (!m.movedTo) return own;
  const now = resolvePlace(`${m.movedTo}000`, centres, areas);
  const a = centresOf(own);
  const b = centresOf(now);
  if (own.kind === 'served' && now.kind === 'served' && own.centre === now.centre) return own;
  return { kind: 'unconfirmed', candidates: [...new Set([...a, ...b])], moved: true };
}

function centresOf<C extends CentreArea>(o: Outcome<C>): C[] {
  return o.kind === 'served' ? [o.centre] : o.kind === 'none' ? [] : o.candidates;
}

/**
 * One answer for several places (a postcode's localities, a shared name, a merger's members):
 * one centre when all have the same, `none` when none has any, `unconfirmed` when none has its
 * own confirmed centre but some have candidates, else `choose` among every centre named.
 */
export function combineOutcomes<C extends CentreArea>(outcomes: readonly Outcome<C>[]): Outcome<C> {
  const first = outcomes[0];
  if (!first) return { kind: 'none' };
  if (first.kind === 'served' && outcomes.every((o) => o.kind === 'served' && o.centre === first.centre)) return first;
  if (outcomes.every((o) => o.kind === 'none')) return { kind: 'none' };
  const candidates = [...new Set(outcomes.flatMap((o) => centresOf(o)))];
  if (outcomes.every((o) => o.kind === 'unconfirmed' || o.kind === 'none')) {
    const moved = outcomes.some((o) => o.kind === 'unconfirmed' && o.moved);
    return moved ? { kind: 'unconfirmed', candidates, moved } : { kind: 'unconfirmed', candidates };
  }
  return { kind: 'choose', candidates };
}

/**
 * The answer for a whole postcode area: one centre when every arrondissement in it has the
 * same one, `none` when none has any, else `choose` among the centres working there.
 */
export function resolveArea<C extends CentreArea>(area: Area, centres: readonly C[]): Outcome<C> {
  const outcomes = area.arrondissements.map((arr) => centres.find((c) => c.serves.includes(arr)) ?? null);
  const first = outcomes[0];
  if (first && outcomes.every((o) => o === first) && !hasMunicipalityExceptions(area, centres, first)) {
    return { kind: 'served', centre: first, via: 'arrondissement' };
  }
  const candidates = centresInArea(area, centres);
  return candidates.length > 0 ? { kind: 'choose', candidates } : { kind: 'none' };
}

/** Centres serving any arrondissement or municipality of the area. */
function centresInArea<C extends CentreArea>(area: Area, centres: readonly C[]): C[] {
  return centres.filter((c) => c.serves.some((code) => area.arrondissements.includes(code.slice(0, 2))));
}

/** True when another centre names a municipality inside the area, so the range cannot decide. */
function hasMunicipalityExceptions(area: Area, centres: readonly CentreArea[], winner: CentreArea): boolean {
  return centres.some(
    (c) =>
      c !== winner && c.serves.some((code) => code.length === 5 && area.arrondissements.includes(code.slice(0, 2))),
  );
}
