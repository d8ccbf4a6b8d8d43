/**
 * Referral references such as `CO3-7KD3-QX9M`: 8 symbols from a 32-symbol alphabet without
 * the look-alikes 0/O and 1/I, so exactly 40 random bits from the platform's CSPRNG. They are
 * read out over the phone, so they are short and case-insensitive.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_PATTERN = /^CO3-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** A new random reference. `random` is injectable for tests of the format only. */
export function newReference(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(5)); // 40 bits
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let symbols = '';
  for (let i = 0; i < 8; i++) {
    symbols = REFERENCE_ALPHABET[Number(bits & 31n)] + symbols;
    bits >>= 5n;
  }
  return `CO3-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * A reference as typed by a person, normalised, or null when it cannot be one.
 * @example normaliseReference(' co3-7kd3-qx9m ') // => 'CO3-7KD3-QX9M'
 */
export function normaliseReference(input: string): string | null {
  const ref = input.trim().toUpperCase();
  return REFERENCE_PATTERN.test(ref) ? ref : null;
}
