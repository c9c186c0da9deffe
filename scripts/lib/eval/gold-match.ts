// Gold-quote matching as the evaluation README defines it: NFKD, combining marks removed, lower
// case, letters and digits only; a quote of at most 40 characters must appear whole, a longer
// one in any 40-character window (so a quote split over two passages still counts).
const WINDOW = 40;

export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function holdsQuote(text: string, quote: string): boolean {
  const haystack = normalizeForMatch(text);
  const needle = normalizeForMatch(quote);
  if (needle.length <= WINDOW) return haystack.includes(needle);
  for (let i = 0; i + WINDOW <= needle.length; i++) if (haystack.includes(needle.slice(i, i + WINDOW))) return true;
  return false;
}
