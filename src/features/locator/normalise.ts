/**
 * Folds a name or a query to the form the locator compares: case, accents, hyphens,
 * apostrophes and other punctuation ignored, spaces collapsed.
 * @example normalise("Braine-l'Alleud") // => 'braine l alleud'
 * @example normalise('  LIÈGE ') // => 'liege'
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Other spellings people type for the same name: "St-Truiden", "St. Vith", "Ste-Ode".
 * Returned in normalised form, without the name itself.
 * @example variants('sint truiden') // => ['st truiden']
 */
export function variants(normalised: string): string[] {
  const out: string[] = [];
  const swaps: [RegExp, string][] = [
    [/(^| )(sint|saint|sankt)( |$)/g, '$1st$3'],
    [/(^| )sainte( |$)/g, '$1ste$2'],
  ];
  for (const [re, to] of swaps) {
    const v = normalised.replace(re, to);
    if (v !== normalised) out.push(v);
  }
  return out;
}

/** Longest query the locator reads; anything longer is refused, not truncated. */
export const MAX_QUERY_LENGTH = 100;
