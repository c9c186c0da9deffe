// Reads a dictd dictionary (an .index of headword, offset, length and the uncompressed .dict
// text) into English word → Dutch translations, in the shape english-dictionary.ts validates.
const DICTD_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The keys english-dictionary.ts accepts: a folded word or a two-word phrase. */
const HEADWORD = /^[a-z][a-z-]*( [a-z][a-z-]*)?$/;

/** dictd writes offsets and lengths as base-64 numbers, most significant digit first. */
export function dictdNumber(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = DICTD_DIGITS.indexOf(char);
    if (digit < 0) throw new Error(`"${text}" is not a dictd base-64 number`);
    value = value * 64 + digit;
  }
  return value;
}

export function parseDictdEntries(index: string, data: Uint8Array): Map<string, string[]> {
  const decoder = new TextDecoder();
  const dictionary = new Map<string, string[]>();
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00database')) continue;
    const key = headword.normalize('NFKC').toLowerCase().trim();
    if (!HEADWORD.test(key)) continue;
    const start = dictdNumber(offset);
    const entry = decoder.decode(data.subarray(start, start + dictdNumber(length)));
    const translations = translationsOf(entry);
    if (translations.length === 0) continue;
    dictionary.set(key, [...new Set([...(dictionary.get(key) ?? []), ...translations])]);
  }
  return dictionary;
}

/**
 * An entry is its headword line ("poverty /pɔvətiː/"), then senses, numbered or not, each a
 * comma-separated list: "1. in staat om" / "armoede, gebrek". Glosses in brackets ("(med.)")
 * and combining forms ending in a hyphen ("linde‐") are dropped; FreeDict's "ĳ" becomes "ij".
 */
export function translationsOf(entry: string): string[] {
  const senses = entry.normalize('NFKC').split('\n').slice(1);
  return senses
    .flatMap((sense) => sense.replace(/^\s*\d+\.\s*/, '').split(','))
    .map((item) =>
      item
        .replace(/\([^)]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase(),
    )
    .filter((item) => item.length > 0 && !/[-‐]$/.test(item));
}
