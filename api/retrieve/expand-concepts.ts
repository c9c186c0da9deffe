// Widens question concepts with index terms that differ only by an inflection or derivation the
// stemmer leaves alone ("mantelzorg" ~ "mantelzorger", "interventie" ~ "interventies"), and finds
// cognates of English words among the Dutch terms by character trigrams.
import type { Alternative, Concept } from '../language/dutch-analyzer.js';

const VARIANT_WEIGHT = 0.7;
const MAX_VARIANTS = 6;
const MIN_COGNATE_SIMILARITY = 0.5;

export interface ConceptExpander {
  expand(concepts: readonly Concept[]): Concept[];
  cognates(word: string): string[];
}

export function createConceptExpander(vocabulary: readonly string[]): ConceptExpander {
  const trigramIndex = new Map<string, string[]>();
  for (const term of vocabulary) {
    if (term.length < 5 || /\d/.test(term)) continue;
    for (const gram of trigrams(term)) {
      let terms = trigramIndex.get(gram);
      if (!terms) trigramIndex.set(gram, (terms = []));
      terms.push(term);
    }
  }

  function variants(term: string): string[] {
    if (term.length < 5) return [];
    const found: string[] = [];
    for (const candidate of vocabulary) {
      if (candidate === term) continue;
      const longer = candidate.startsWith(term) && candidate.length - term.length <= 4;
      const shorter = candidate.length >= 5 && term.startsWith(candidate) && term.length - candidate.length <= 3;
      if (longer || shorter) found.push(candidate);
      if (found.length >= MAX_VARIANTS) break;
    }
    return found;
  }

  return {
    expand(concepts) {
      return concepts.map((concept) => {
        const extra: Alternative[] = [];
        for (const alternative of concept.alternatives) {
          if (alternative.terms.length !== 1) continue;
          for (const variant of variants(alternative.terms[0]!)) {
            extra.push({ terms: [variant], weight: alternative.weight * VARIANT_WEIGHT });
          }
        }
        return { ...concept, alternatives: [...concept.alternatives, ...extra] };
      });
    },
    cognates(word) {
      if (word.length < 5) return [];
      const grams = trigrams(word);
      const shared = new Map<string, number>();
      for (const gram of grams) for (const term of trigramIndex.get(gram) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
      const scored: { term: string; similarity: number }[] = [];
      for (const [term, count] of shared) {
        const similarity = (2 * count) / (grams.size + trigrams(term).size);
        if (similarity >= MIN_COGNATE_SIMILARITY) scored.push({ term, similarity });
      }
      return scored.sort((a, b) => b.similarity - a.similarity).slice(0, 3).map((entry) => entry.term);
    },
  };
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
