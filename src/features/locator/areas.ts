/**
 * Postcode ranges and the administrative arrondissements (first two digits of a NIS code)
 * they cover, as the project's domain notes give them. A range tells the
 * province, not the municipality: the locator uses a range on its own only where every
 * arrondissement in it leads to the same answer.
 */
export const AREA_IDS = [
  'brussels',
  'walloon-brabant',
  'halle-vilvoorde',
  'antwerp',
  'leuven',
  'limburg',
  'liege',
  'namur',
  'hainaut',
  'luxembourg',
  'west-flanders',
  'east-flanders',
] as const;
export type AreaId = (typeof AREA_IDS)[number];
export type Region = 'flanders' | 'brussels' | 'wallonia';

export interface Area {
  id: AreaId;
  region: Region;
  /** Inclusive postcode ranges. */
  postcodes: [number, number][];
  /** NIS arrondissement codes (two digits). */
  arrondissements: string[];
}

export const AREAS: readonly Area[] = [
  { id: 'brussels', region: 'brussels', postcodes: [[1000, 1299]], arrondissements: ['21'] },
  { id: 'walloon-brabant', region: 'wallonia', postcodes: [[1300, 1499]], arrondissements: ['25'] },
  { id: 'halle-vilvoorde', region: 'flanders', postcodes: [[1500, 1999]], arrondissements: ['23'] },
  { id: 'antwerp', region: 'flanders', postcodes: [[2000, 2999]], arrondissements: ['11', '12', '13'] },
  { id: 'leuven', region: 'flanders', postcodes: [[3000, 3499]], arrondissements: ['24'] },
  { id: 'limburg', region: 'flanders', postcodes: [[3500, 3999]], arrondissements: ['71', '72', '73'] },
  { id: 'liege', region: 'wallonia', postcodes: [[4000, 4999]], arrondissements: ['61', '62', '63', '64'] },
  { id: 'namur', region: 'wallonia', postcodes: [[5000, 5999]], arrondissements: ['91', '92', '93'] },
  {
    id: 'hainaut',
    region: 'wallonia',
    postcodes: [
      [6000, 6599],
      [7000, 7999],
    ],
    // 54 was Mouscron's code before the 2019 reform (now 57/58); GeoNames still uses it.
    arrondissements: ['51', '52', '53', '54', '55', '56', '57', '58'],
  },
  { id: 'luxembourg', region: 'wallonia', postcodes: [[6600, 6999]], arrondissements: ['81', '82', '83', '84', '85'] },
  {
    id: 'west-flanders',
    region: 'flanders',
    postcodes: [[8000, 8999]],
    arrondissements: ['31', '32', '33', '34', '35', '36', '37', '38'],
  },
  {
    id: 'east-flanders',
    region: 'flanders',
    postcodes: [[9000, 9999]],
    arrondissements: ['41', '42', '43', '44', '45', '46'],
  },
];

/**
 * The area a four-digit postcode belongs to, or null outside every range.
 * @example areaOfPostcode(2500)?.id // => 'antwerp'
 * @example areaOfPostcode(999) // => null
 */
export function areaOfPostcode(postcode: number, areas: readonly Area[] = AREAS): Area | null {
  return areas.find((a) => a.postcodes.some(([lo, hi]) => postcode >= lo && postcode <= hi)) ?? null;
}

/**
 * The area of a municipality by its NIS code.
 * @example areaOfNis('12021')?.id // => 'antwerp' (Lier)
 */
export function areaOfNis(nis: string, areas: readonly Area[] = AREAS): Area | null {
  const arr = nis.slice(0, 2);
  return areas.find((a) => a.arrondissements.includes(arr)) ?? null;
}
