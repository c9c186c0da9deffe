// How much each concept of a question says about its topic: the inverse document frequency of
// its own word in the index. A word the index has never seen ("burgemeester", "Australië")
// weighs more than the rarest word it has: it is a sign the question is about something else.
import { inverseDocumentFrequency } from '../index/bm25.js';
import type { Vocabulary } from '../index/vocabulary.js';
import type { Concept } from '../language/dutch-analyzer.js';

const UNSEEN_WEIGHT = 1.5;

export interface WeightedConcept extends Concept {
  weight: number;
}

export function weighConcepts(concepts: readonly Concept[], vocabulary: Vocabulary): WeightedConcept[] {
  const idf = (term: string) => inverseDocumentFrequency(vocabulary.documentFrequency(term), vocabulary.passageCount);
  return concepts.map((concept) => {
    const known = concept.alternatives.filter((alternative) => alternative.terms.every((term) => vocabulary.has(term)));
    const weight =
      known.length === 0
        ? inverseDocumentFrequency(0, vocabulary.passageCount) * UNSEEN_WEIGHT
        : Math.max(...known.map((alternative) => alternative.weight * mean(alternative.terms.map(idf))));
    return { ...concept, weight };
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
