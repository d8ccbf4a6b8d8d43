import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3-geo';
import { AREAS, areaOfPostcode } from '../../src/features/locator/areas.ts';
import { MAP } from '../../src/features/locator/data.ts';
import { nearestPlace, project } from '../../src/features/locator/geo.ts';
import { answerForPlace, locate, type Answer } from '../../src/features/locator/locate.ts';
import { normalise } from '../../src/features/locator/normalise.ts';
import type { Outcome } from '../../src/features/locator/resolve.ts';
import { distance, searchPlaces } from '../../src/features/locator/search.ts';
import { describe as describeAnswer, makeT, type CentreView } from '../../src/features/locator/view.ts';
import { INDEX, centresIn, strings } from './locator-fixtures.ts';

const centres = centresIn('nl');
const run = (q: unknown) => locate(q, { index: INDEX, centres });

const o = (x: Outcome<CentreView>) =>
  x.kind === 'served'
    ? x.centre.id
    : x.kind === 'none'
      ? 'none'
      : `${x.kind}: ${x.candidates.map((c) => c.id).join(', ')}`;

/** What a visitor would check: the place understood, its municipality and the centre. */
function summary(a: Answer<CentreView>): string {
  switch (a.kind) {
    case 'place':
      return `${a.place.postcodes[0]} ${a.place.label} (${a.place.municipality.label}) → ${o(a.outcome)}`;
    case 'places':
    case 'postcode':
      return `${a.kind} → ${o(a.outcome)}`;
    default:
      return a.kind;
  }
}

const TABLE: [string, string][] = [
  // The failures: districts, deelgemeenten, postcodes.
  ['Borgerhout', '2140 Borgerhout (Antwerpen) → antwerpen'],
  ['2140 Borgerhout', '2140 Borgerhout (Antwerpen) → antwerpen'],
  ['Borgerhout 2140', '2140 Borgerhout (Antwerpen) → antwerpen'],
  ['Berchem 2600', '2600 Berchem (Antwerpen) → antwerpen'],
  ['9690 Berchem', '9690 Berchem (Kluisbergen) → oost-vlaanderen'],
  ['Merksem', '2170 Merksem (Antwerpen) → antwerpen'],
  ['Wilrijk', '2610 Wilrijk (Antwerpen) → antwerpen'],
  ['Ekeren', '2180 Ekeren (Antwerpen) → antwerpen'],
  ['Hoboken', '2660 Hoboken (Antwerpen) → antwerpen'],
  ['Kessel-Lo', '3010 Kessel Lo (Leuven) → leuven'],
  ['Heverlee', '3001 Heverlee (Leuven) → leuven'],
  ['Ledeberg', '9050 Ledeberg (Gent) → oost-vlaanderen'],
  ['Sint-Amandsberg', '9040 Sint-Amandsberg (Gent) → oost-vlaanderen'],
  ['Walem', '2800 Walem (Mechelen) → mechelen'],
  ['Jambes', '5100 Jambes (Namur) → espace-vif'],
  ['2000', 'postcode → antwerpen'],
  ['2140', 'postcode → antwerpen'],
  ['2060', 'postcode → antwerpen'],
  ['2800', 'postcode → mechelen'],
  ['2300', 'postcode → kempen'],
  ['8500', 'postcode → zuid-west-vlaanderen'],
  ['8400', 'postcode → noord-west-vlaanderen'],
  ['5000', 'postcode → espace-vif'],
  ['٢١٤٠', 'postcode → antwerpen'],
  ['B-2440', 'postcode → kempen'],
  // Exonyms and other languages.
  ['Anvers', '2000 Antwerpen (Antwerpen) → antwerpen'],
  ['أنتويرب', '2000 Antwerpen (Antwerpen) → antwerpen'],
  ['Malines', '2800 Mechelen (Mechelen) → mechelen'],
  ['Louvain', '3000 Leuven (Leuven) → leuven'],
  ['Gand', '9000 Gent (Gent) → oost-vlaanderen'],
  ['Courtrai', '8500 Kortrijk (Kortrijk) → zuid-west-vlaanderen'],
  ['Ostende', '8400 Oostende (Oostende) → noord-west-vlaanderen'],
  ['Namen', '5000 Namur (Namur) → espace-vif'],
  ['Luik', '4000 Liège (Liège) → none'],
  ['Schaarbeek', '1030 Schaerbeek (Schaerbeek) → brussels'],
  ['Laken', '1020 Laeken (Brussel / Bruxelles) → brussels'],
  ['Fourons', '3790 Voeren (Voeren) → limburg'],
  ['St-Truiden', '3800 Sint-Truiden (Sint-Truiden) → limburg'],
  // Mergers of 2019 and 2025.
  ['Pelt', '3910 Pelt (Neerpelt) → limburg'],
  ['Pajottegem', '1755 Pajottegem (Galmaarden) → halle-vilvoorde'],
  ['Borsbeek', '2150 Borsbeek (Borsbeek) → antwerpen'],
  ['Knesselare', '9910 Knesselare (Knesselare) → oost-vlaanderen'],
  ['Zwijndrecht', '2070 Zwijndrecht (Zwijndrecht) → unconfirmed: antwerpen, oost-vlaanderen'],
  ['Burcht', '2070 Burcht (Zwijndrecht) → unconfirmed: antwerpen, oost-vlaanderen'],
  ['2070', 'postcode → unconfirmed: antwerpen, oost-vlaanderen'],
  // West Flanders: two centres whose borders our sources do not give.
  ['Brugge', '8000 Brugge (Brugge) → unconfirmed: zuid-west-vlaanderen, noord-west-vlaanderen'],
  // Not a place.
  ['0000', 'bad-postcode'],
  ['99999', 'bad-postcode'],
  ['1999', 'bad-postcode'],
  ['Atlantis', 'no-match'],
  ['', 'empty'],
  ['<>', 'empty'],
  ['x'.repeat(500), 'too-long'],
  ['<script>alert(1)</script>', 'no-match'],
];

describe('the locator answers a table of queries', () => {
  it.each(TABLE)('%s', (query, expected) => {
    expect(summary(run(query))).toBe(expected);
  });
});

describe('every postcode of bpost’s list', () => {
  const codes = [...INDEX.byPostcode.keys()].sort();
  const count = { served: 0, choose: 0, unconfirmed: 0, none: 0 };
  it.each(codes)(
    '%s resolves to a locality, and in Flanders or Brussels to a centre, a choice or "to be confirmed"',
    (pc) => {
      const a = run(pc);
      expect(a.kind).toBe('postcode');
      if (a.kind !== 'postcode') return;
      expect(a.places.length).toBeGreaterThan(0);
      count[a.outcome.kind]++;
      if (a.area.region !== 'wallonia') {
        expect(a.outcome.kind, `${pc} ${a.places.map((p) => p.place.label).join(', ')}`).not.toBe('none');
        if (a.outcome.kind === 'choose' || a.outcome.kind === 'unconfirmed')
          expect(a.outcome.candidates.length).toBeGreaterThan(0);
      }
    },
  );
  it('counts each kind of answer (printed for the closing note)', () => {
    console.log(
      `postcodes: ${codes.length}; one centre ${count.served}, a choice ${count.choose}, to be confirmed ${count.unconfirmed}, none ${count.none}`,
    );
    expect(count.served + count.choose + count.unconfirmed + count.none).toBe(codes.length);
  });
});

describe('names several places share', () => {
  const list = (q: string) => {
    const a = run(q);
    return a.kind === 'places'
      ? a.places.map((p) => `${p.place.postcodes[0]} ${p.place.municipality.label} ${o(p.outcome)}`)
      : [a.kind];
  };
  it('lists each Berchem with its postcode, municipality and centre', () => {
    expect(list('Berchem')).toEqual(
      expect.arrayContaining([
        '2600 Antwerpen antwerpen',
        '9690 Kluisbergen oost-vlaanderen',
        '1082 Berchem-Sainte-Agathe brussels',
      ]),
    );
  });
  it('lists both Deurnes and both Halles', () => {
    expect(list('Deurne')).toEqual(['2100 Antwerpen antwerpen', '3290 Diest leuven']);
    expect(list('Halle')).toEqual(expect.arrayContaining(['1500 Halle halle-vilvoorde', '2980 Zoersel antwerpen']));
  });
  it('says in words that the visitor picks', () => {
    const { message } = describeAnswer(run('Deurne'), makeT(strings('nl')), 'nl');
    expect(message).toContain('Deurne');
  });
});

describe('typos', () => {
  it('suggest the closest name first, then the bigger place', () => {
    const a = run('Borgerhoud');
    expect(a.kind === 'no-match' && a.suggestions[0]?.place.label).toBe('Borgerhout');
    const b = run('Mechlen');
    expect(b.kind === 'no-match' && b.suggestions[0]?.place.label).toBe('Mechelen');
    const c = run('Brusel');
    expect(c.kind === 'no-match' && c.suggestions[0]?.place.nis).toBe('21004');
  });
  it('count edits, with a swap of two letters as one, and give up past the limit', () => {
    expect(distance('kitten', 'sitting', 5)).toBe(3);
    expect(distance('borgerhoud', 'borgerhout', 2)).toBe(1);
    expect(distance('antwerpen', 'zzzzzzzzz', 2)).toBe(3);
  });
});

describe('locate', () => {
  it('explains why: Lier belongs to the Mechelen division', () => {
    const a = run('Lier');
    expect(describeAnswer(a, makeT(strings('nl')), 'nl').reason).toMatch(/^Lier hoort bij de afdeling Mechelen/);
  });
  it('gives a message in the language asked when no centre serves the place', () => {
    for (const [locale, word] of [
      ['fr', 'Liège'],
      ['de', 'Lüttich'],
      ['nl', 'Luik'],
      ['en', 'Liège'],
    ] as const) {
      const a = locate('Liège', { index: INDEX, centres: centresIn(locale) });
      const { message } = describeAnswer(a, makeT(strings(locale)), locale);
      expect(message).toContain(word);
      expect(message).toContain('0800 30 030');
    }
  });
  it('refuses a non-string without throwing', () => {
    expect(run(undefined).kind).toBe('empty');
    expect(run({ q: 'Lier' }).kind).toBe('empty');
  });
  it('finds names in Dutch, French, German and English, and by prefix', () => {
    for (const name of ['Antwerpen', 'Anvers', 'Antwerp'])
      expect(searchPlaces(INDEX, name)[0]?.place.nis).toBe('11002');
    expect(searchPlaces(INDEX, 'borgerh')[0]?.place.label).toBe('Borgerhout');
    expect(normalise('SINT-GENESIUS-RODE')).toBe('sint genesius rode');
  });
});

describe('postcode areas', () => {
  it('cover 1000–9999 without a gap or an overlap', () => {
    for (let pc = 1000; pc <= 9999; pc++) {
      expect(AREAS.filter((a) => a.postcodes.some(([lo, hi]) => pc >= lo && pc <= hi)).length, String(pc)).toBe(1);
    }
    expect(areaOfPostcode(999)).toBeNull();
  });
});

describe('geolocation and the map', () => {
  it('picks the nearest municipality and its centre', () => {
    const lier = nearestPlace(INDEX, 51.1313, 4.5704);
    expect(lier?.place.label).toBe('Lier');
    expect(summary(answerForPlace(lier!.place, { index: INDEX, centres }))).toBe('2500 Lier (Lier) → mechelen');
    expect(nearestPlace(INDEX, 48.8566, 2.3522)).toBeNull(); // Paris
  });
  it('projects like d3-geo’s Mercator', () => {
    const d3 = geoMercator().scale(MAP.projection.scale).translate(MAP.projection.translate);
    const [x, y] = project(4.4, 51.22, MAP.projection);
    const [dx, dy] = d3([4.4, 51.22])!;
    expect(x).toBeCloseTo(dx, 6);
    expect(y).toBeCloseTo(dy, 6);
  });
});
