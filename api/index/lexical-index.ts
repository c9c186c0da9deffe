// BM25 over analysed passage terms, scored per question concept: a concept counts once, through
// its best-matching alternative (the word itself, its compound parts, a variant). Passages are
// numbered by their position in the build; the store maps positions to passage ids.
import type { Concept } from '../language/dutch-analyzer.js';
import { inverseDocumentFrequency, saturatedFrequency } from './bm25.js';
import { createVocabulary, type Vocabulary } from './vocabulary.js';

export interface LexicalIndexData {
  docLengths: number[];
  /** term → flat list of [passage position, term frequency] pairs */
  postings: Record<string, number[]>;
}

export interface LexicalHit {
  position: number;
  score: number;
}

export function buildLexicalIndex(termLists: readonly string[][]): LexicalIndexData {
  const postings: Record<string, number[]> = Object.create(null);
  termLists.forEach((terms, position) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      postings[term] ??= [];
      postings[term].push(position, count);
    }
  });
  return { docLengths: termLists.map((terms) => terms.length), postings };
}

export class LexicalIndex {
  readonly vocabulary: Vocabulary;
  private readonly postings: Map<string, number[]>;
  private readonly averageLength: number;

  constructor(private readonly data: LexicalIndexData) {
    this.postings = new Map(Object.entries(data.postings));
    this.vocabulary = createVocabulary(new Map([...this.postings].map(([term, list]) => [term, list.length / 2])), data.docLengths.length);
    const total = data.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = total / Math.max(1, data.docLengths.length);
  }

  get size(): number {
    return this.data.docLengths.length;
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.vocabulary.documentFrequency(term), this.size);
  }

  search(concepts: readonly Concept[], limit: number): LexicalHit[] {
    const scores = new Float64Array(this.size);
    for (const concept of concepts) {
      const best = new Map<number, number>();
      for (const alternative of concept.alternatives) {
        const sums = new Map<number, number>();
        for (const term of new Set(alternative.terms)) {
          const list = this.postings.get(term);
          if (!list) continue;
          const idf = this.idf(term);
          for (let i = 0; i < list.length; i += 2) {
            const position = list[i]!;
            const tf = saturatedFrequency(list[i + 1]!, this.data.docLengths[position]!, this.averageLength);
            sums.set(position, (sums.get(position) ?? 0) + idf * tf);
          }
        }
        for (const [position, sum] of sums) {
          const score = (alternative.weight * sum) / alternative.terms.length;
          if (score > (best.get(position) ?? 0)) best.set(position, score);
        }
      }
      for (const [position, score] of best) scores[position]! += score;
    }
    const hits: LexicalHit[] = [];
    scores.forEach((score, position) => {
      if (score > 0) hits.push({ position, score });
    });
    return hits.sort((a, b) => b.score - a.score || a.position - b.position).slice(0, limit);
  }
}
