// BM25 over analysed passage terms, scored per question concept: a concept counts once, through
// its best-matching alternative (the word itself, its compound parts, a variant). Held as typed
// arrays (a sorted vocabulary, offsets into one postings list), so a large index loads in one
// read and takes memory in proportion to its postings. Passages are numbered by their position
// in the build; the store maps positions to passage ids.
import type { Concept } from '../language/dutch-analyzer.js';
import { inverseDocumentFrequency, saturatedFrequency } from './bm25.js';
import type { Vocabulary } from './vocabulary.js';

export interface LexicalIndexData {
  /** Every term, sorted in code-unit order. */
  terms: string[];
  /** Postings of terms[i] are positions[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  /** Passage positions, ascending within a term. */
  positions: Uint32Array;
  /** How often the term occurs in that passage (capped at 65,535). */
  frequencies: Uint16Array;
  /** Terms per passage. */
  docLengths: Uint32Array;
}

export interface LexicalHit {
  position: number;
  score: number;
}

const MAX_FREQUENCY = 65_535;

export function buildLexicalIndex(termLists: readonly (readonly string[])[]): LexicalIndexData {
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, position) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) {
        list = [];
        postings.set(term, list);
      }
      list.push(position, count);
    }
  });
  const terms = [...postings.keys()].sort(compareCodeUnits);
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, i) => {
    offsets[i] = total;
    total += postings.get(term)!.length / 2;
  });
  offsets[terms.length] = total;
  const positions = new Uint32Array(total);
  const frequencies = new Uint16Array(total);
  terms.forEach((term, i) => {
    const list = postings.get(term)!;
    for (let j = 0; j < list.length; j += 2) {
      positions[offsets[i]! + j / 2] = list[j]!;
      frequencies[offsets[i]! + j / 2] = Math.min(MAX_FREQUENCY, list[j + 1]!);
    }
  });
  return { terms, offsets, positions, frequencies, docLengths: Uint32Array.from(termLists, (terms) => terms.length) };
}

export class LexicalIndex implements Vocabulary {
  private readonly averageLength: number;

  constructor(private readonly data: LexicalIndexData) {
    const total = data.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = total / Math.max(1, data.docLengths.length);
  }

  get passageCount(): number {
    return this.data.docLengths.length;
  }

  get terms(): readonly string[] {
    return this.data.terms;
  }

  has(term: string): boolean {
    return this.termIndex(term) !== -1;
  }

  documentFrequency(term: string): number {
    const i = this.termIndex(term);
    return i === -1 ? 0 : this.data.offsets[i + 1]! - this.data.offsets[i]!;
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.documentFrequency(term), this.passageCount);
  }

  search(concepts: readonly Concept[], limit: number): LexicalHit[] {
    const { offsets, positions, frequencies, docLengths } = this.data;
    const scores = new Float64Array(this.passageCount);
    for (const concept of concepts) {
      const best = new Map<number, number>();
      for (const alternative of concept.alternatives) {
        const sums = new Map<number, number>();
        for (const term of new Set(alternative.terms)) {
          const i = this.termIndex(term);
          if (i === -1) continue;
          const idf = inverseDocumentFrequency(offsets[i + 1]! - offsets[i]!, this.passageCount);
          for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
            const position = positions[p]!;
            const tf = saturatedFrequency(frequencies[p]!, docLengths[position]!, this.averageLength);
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

  /** Index of `term` in the sorted vocabulary, by bisection; -1 when absent. */
  private termIndex(term: string): number {
    const { terms } = this.data;
    let low = 0;
    let high = terms.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = terms[middle]!;
      if (candidate === term) return middle;
      if (candidate < term) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
