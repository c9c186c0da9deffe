// BM25 (bm25.ts) over analysed passage terms, held as typed
// arrays (a sorted vocabulary, offsets into one postings list), so a large index loads in one
// read and takes memory in proportion to its postings. Passages are numbered by their position
// in the build; the store maps positions to passage ids.
import type { Concept } from '../language/dutch-analyzer.js';
import { compareCodeUnits, indexInSorted } from '../language/sorted.js';
import { inverseDocumentFrequency, RANGE_SIZE, rankByBm25, saturatedFrequency } from './bm25.js';
import { termFrequencies } from './term-frequencies.js';
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
/**
 * A term in more passages than this keeps its bound per range of positions: for rarer terms a
 * range bound saves little and would cost memory for every term.
 */
const RANGED_POSTINGS = 64;

export function buildLexicalIndex(termLists: readonly (readonly string[])[]): LexicalIndexData {
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, position) => {
    for (const [term, count] of termFrequencies(terms)) {
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
  /** Per term, its largest saturated frequency: the bound that lets a search skip passages. */
  private readonly maxSaturated: Float64Array;
  /** The same per range of positions, for terms in more than RANGED_POSTINGS passages. */
  private readonly rangeMaxima = new Map<number, Float64Array>();

  constructor(private readonly data: LexicalIndexData) {
    const total = data.docLengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = total / Math.max(1, data.docLengths.length);
    this.maxSaturated = new Float64Array(data.terms.length);
    const rangeCount = Math.ceil(data.docLengths.length / RANGE_SIZE);
    for (let i = 0; i < data.terms.length; i++) {
      const ranged = rangeCount > 1 && data.offsets[i + 1]! - data.offsets[i]! > RANGED_POSTINGS ? new Float64Array(rangeCount) : null;
      let max = 0;
      for (let p = data.offsets[i]!; p < data.offsets[i + 1]!; p++) {
        const position = data.positions[p]!;
        const saturated = saturatedFrequency(data.frequencies[p]!, data.docLengths[position]!, this.averageLength);
        max = Math.max(max, saturated);
        if (ranged) ranged[Math.floor(position / RANGE_SIZE)] = Math.max(ranged[Math.floor(position / RANGE_SIZE)]!, saturated);
      }
      this.maxSaturated[i] = max;
      if (ranged) this.rangeMaxima.set(i, ranged);
    }
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
    return rankByBm25(
      concepts,
      {
        passageCount: this.passageCount,
        averageLength: this.averageLength,
        postings: (term) => {
          const i = this.termIndex(term);
          return i === -1 ? null : this.postingsAt(i);
        },
        length: (position) => this.data.docLengths[position]!,
        maxSaturated: (term) => this.maxSaturated[this.termIndex(term)]!,
        rangeMaxima: (term) => this.rangeMaxima.get(this.termIndex(term)) ?? null,
      },
      limit,
    );
  }

  private postingsAt(i: number) {
    const { offsets, positions, frequencies } = this.data;
    return { positions: positions.subarray(offsets[i]!, offsets[i + 1]!), frequencies: frequencies.subarray(offsets[i]!, offsets[i + 1]!) };
  }

  /** Index of `term` in the sorted vocabulary, by bisection; -1 when absent. */
  private termIndex(term: string): number {
    return indexInSorted(this.data.terms, term);
  }
}
