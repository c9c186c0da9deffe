// Widens question concepts with index terms that differ only by an inflection or derivation the
// stemmer leaves alone ("mantelzorg" ~ "mantelzorger", "interventie" ~ "interventies"), and finds
// cognates of English words among the Dutch terms by character trigrams.
import { termsWithPrefix, type Vocabulary } from '../index/vocabulary.js';
import type { Alternative, Concept } from '../language/dutch-analyzer.js';

/** A variant is weaker evidence than the word itself: "mantelzorger" for "mantelzorg" is close, not equal. */
const VARIANT_WEIGHT = 0.7;
const MAX_VARIANTS = 6;
/** Longest ending a variant may add ("-ingen") or drop ("-en") relative to the question's term. */
const MAX_ADDED_CHARS = 4;
const MAX_DROPPED_CHARS = 3;
const MIN_VARIANT_LENGTH = 5;
/** Dice similarity of character trigrams above which an English word is taken to be a cognate. */
const MIN_COGNATE_SIMILARITY = 0.5;
const MAX_COGNATES = 3;

export function expandConcepts(concepts: readonly Concept[], vocabulary: Vocabulary): Concept[] {
  return concepts.map((concept) => {
    const extra: Alternative[] = [];
    for (const alternative of concept.alternatives) {
      if (alternative.terms.length !== 1) continue;
      for (const variant of variants(alternative.terms[0]!, vocabulary))
        extra.push({ terms: [variant], weight: alternative.weight * VARIANT_WEIGHT, kind: 'variant' });
    }
    return { ...concept, alternatives: [...concept.alternatives, ...extra] };
  });
}

function variants(term: string, vocabulary: Vocabulary): string[] {
  if (term.length < MIN_VARIANT_LENGTH) return [];
  const shorter: string[] = [];
  for (let cut = MAX_DROPPED_CHARS; cut >= 1; cut--) {
    const prefix = term.slice(0, term.length - cut);
    if (prefix.length >= MIN_VARIANT_LENGTH && vocabulary.has(prefix)) shorter.push(prefix);
  }
  const longer = termsWithPrefix(vocabulary, term).filter((candidate) => candidate !== term && candidate.length - term.length <= MAX_ADDED_CHARS);
  return [...shorter, ...longer].slice(0, MAX_VARIANTS);
}

const trigramIndexes = new WeakMap<Vocabulary, Map<string, string[]>>();

/** Dutch index terms that look like an English word ("individual" → "individueel"), best first. */
export function cognates(word: string, vocabulary: Vocabulary): string[] {
  if (word.length < MIN_VARIANT_LENGTH) return [];
  const index = trigramIndex(vocabulary);
  const grams = trigrams(word);
  const shared = new Map<string, number>();
  for (const gram of grams) for (const term of index.get(gram) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
  const scored: { term: string; similarity: number }[] = [];
  for (const [term, count] of shared) {
    const similarity = (2 * count) / (grams.size + trigrams(term).size);
    if (similarity >= MIN_COGNATE_SIMILARITY) scored.push({ term, similarity });
  }
  return scored
    .sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_COGNATES)
    .map((entry) => entry.term);
}

/** Built on the first English question, once per index. */
function trigramIndex(vocabulary: Vocabulary): Map<string, string[]> {
  let index = trigramIndexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const term of vocabulary.terms) {
      if (term.length < MIN_VARIANT_LENGTH || /\d/.test(term)) continue;
      for (const gram of trigrams(term)) {
        const terms = index.get(gram);
        if (terms) terms.push(term);
        else index.set(gram, [term]);
      }
    }
    trigramIndexes.set(vocabulary, index);
  }
  return index;
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
