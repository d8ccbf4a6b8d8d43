import placesJson from './data/places.json' with { type: 'json' };
import mapJson from './data/map.json' with { type: 'json' };
import { loadIndex, type CompactIndex, type MapData } from './places.ts';

/** The committed places index, as the build bundles it (server and scripts only: too big for the browser). */
export const COMPACT_INDEX = placesJson as CompactIndex;

/** The map data: Belgium's outline and the projection that drew it. */
export const MAP = mapJson as MapData;

let loaded: ReturnType<typeof loadIndex> | undefined;
/** The expanded index, built on first use and kept for the life of the process or page. */
export function placesIndex() {
  return (loaded ??= loadIndex(COMPACT_INDEX));
}
