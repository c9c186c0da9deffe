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

/**
 * Whether a text holds one of these quotes, each quote normalised once and each text once:
 * training asks it of the same passages and units for every ranker it fits.
 */
export function goldMatcher(quotes: readonly string[]): (text: string) => boolean {
  const needles = quotes.map(normalizeForMatch);
  const seen = new Map<string, boolean>();
  return (text) => {
    let holds = seen.get(text);
    if (holds === undefined) {
      const haystack = normalizeForMatch(text);
      holds = needles.some((needle) => holdsNeedle(haystack, needle));
      seen.set(text, holds);
    }
    return holds;
  };
}

function holdsNeedle(haystack: string, needle: string): boolean {
  if (needle.length <= WINDOW) return haystack.includes(needle);
  for (let i = 0; i + WINDOW <= needle.length; i++) if (haystack.includes(needle.slice(i, i + WINDOW))) return true;
  return false;
}
