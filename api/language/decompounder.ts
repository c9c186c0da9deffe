// Splits Dutch compounds into their parts ("mantelzorgondersteuning" → mantelzorg + ondersteuning,
// "eenzaamheidsinterventies" → eenzaamheid + interventies), using a word list to recognise parts.
export interface Decompounder {
  /** The parts of a folded word, or [] when it is not a compound of known words. */
  split(word: string): string[];
}

const MIN_COMPOUND_LENGTH = 8;
const MIN_PART_LENGTH = 3;
const MAX_PARTS = 3;
const LINKING = ['', 's', 'e', 'en'];
/**
 * A listed word is split too ("inkomensregeling" → inkomen + regeling: a question about
 * "regelingen" for "inkomen" should find it), but more carefully: parts of four letters or more,
 * and never a derivational suffix that is also a word ("kwetsbaar" is not kwets + baar).
 */
const MIN_LISTED_PART_LENGTH = 4;
const SUFFIX_WORDS = new Set([
  'baar',
  'bare',
  'heid',
  'heden',
  'lijk',
  'lijke',
  'loos',
  'loze',
  'schap',
  'achtig',
  'achtige',
  'isch',
  'ische',
  'ling',
  'lingen',
  'zaam',
  'zame',
  'waardig',
  'matig',
  'matige',
  'wijs',
  'wijze',
]);
const INFLECTIONS = ['', 's', 'en', 'e', 'n', 'es', "'s"];

export function createDecompounder(isListed: (word: string) => boolean): Decompounder {
  // "weerbaarheid" is rarely listed, but "weerbaar" is: -heid (plural -heden) derives freely.
  const isWord = (word: string): boolean =>
    isListed(word) ||
    (word.endsWith('heid') && word.length > 7 && isListed(word.slice(0, -4))) ||
    (word.endsWith('heden') && word.length > 8 && isWord(`${word.slice(0, -5)}heid`));
  const known = (word: string) =>
    INFLECTIONS.some((ending) => {
      if (!word.endsWith(ending) || word.length - ending.length < MIN_PART_LENGTH) return false;
      const base = word.slice(0, word.length - ending.length);
      return isWord(base) || (ending.startsWith('e') && isWord(undoubled(base)));
    });
  const memo = new Map<string, string[]>();

  // Best split of `word` into at most `budget` known parts: fewest parts, then longest shortest part.
  function best(word: string, budget: number): string[] | null {
    if (known(word)) return [word];
    if (budget === 1) return null;
    let winner: string[] | null = null;
    for (let cut = MIN_PART_LENGTH; cut <= word.length - MIN_PART_LENGTH; cut++) {
      const head = word.slice(0, cut);
      if (!isWord(head)) continue;
      for (const link of LINKING) {
        if (!word.startsWith(link, cut)) continue;
        const rest = word.slice(cut + link.length);
        if (rest.length < MIN_PART_LENGTH + 1) continue;
        const tail = best(rest, budget - 1);
        if (tail && better([head, ...tail], winner)) winner = [head, ...tail];
      }
    }
    return winner;
  }

  /** The best split of a listed word into two parts, each a word of its own. */
  function listedSplit(word: string): string[] | null {
    let winner: string[] | null = null;
    for (let cut = MIN_LISTED_PART_LENGTH; cut <= word.length - MIN_LISTED_PART_LENGTH; cut++) {
      const head = word.slice(0, cut);
      if (!isWord(head)) continue;
      for (const link of LINKING) {
        if (!word.startsWith(link, cut)) continue;
        const tail = word.slice(cut + link.length);
        if (tail.length < MIN_LISTED_PART_LENGTH || SUFFIX_WORDS.has(tail) || !known(tail)) continue;
        if (better([head, tail], winner)) winner = [head, tail];
      }
    }
    return winner;
  }

  return {
    split(word) {
      if (word.length < MIN_COMPOUND_LENGTH) return [];
      let parts = memo.get(word);
      if (!parts) {
        parts = (known(word) ? listedSplit(word) : best(word, MAX_PARTS)) ?? [];
        memo.set(word, parts);
      }
      return parts.length > 1 ? parts : [];
    },
  };
}

/** Fewest parts, then the longest shortest part, then the longest first part ("buurt|huis", not "buur|thuis"). */
function better(candidate: string[], current: string[] | null): boolean {
  if (!current) return true;
  if (candidate.length !== current.length) return candidate.length < current.length;
  const shortest = (parts: string[]) => Math.min(...parts.map((part) => part.length));
  if (shortest(candidate) !== shortest(current)) return shortest(candidate) > shortest(current);
  return candidate[0]!.length > current[0]!.length;
}

/** Dutch spelling drops a doubled vowel before an inflection: "kwetsbare" is "kwetsbaar" + e. */
function undoubled(base: string): string {
  const match = /^(.*[^aeiou])([aeou])([^aeiouy])$/.exec(base);
  return match ? `${match[1]}${match[2]}${match[2]}${match[3]}` : base;
}
