// The terms an index holds and how many passages hold each: what query analysis needs to weigh
// a question's words and to find their variants, whatever store the passages live in.
import { compareCodeUnits } from '../language/sorted.js';

export interface Vocabulary {
  readonly passageCount: number;
  /** Every term, sorted (code-unit order), for prefix lookups. */
  readonly terms: readonly string[];
  documentFrequency(term: string): number;
  has(term: string): boolean;
}

export function createVocabulary(frequencies: ReadonlyMap<string, number>, passageCount: number): Vocabulary {
  const terms = [...frequencies.keys()].sort(compareCodeUnits);
  return {
    passageCount,
    terms,
    documentFrequency: (term) => frequencies.get(term) ?? 0,
    has: (term) => frequencies.has(term),
  };
}

/** Terms that start with `prefix`, in sorted order (binary search, then a scan of the range). */
export function termsWithPrefix(vocabulary: Vocabulary, prefix: string): string[] {
  const { terms } = vocabulary;
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCodeUnits(terms[middle]!, prefix) < 0) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(terms[i]!);
  return found;
}
