// BM25 (bm25.ts) over analysed passage terms, held as typed
// arrays (a sorted vocabulary, offsets into one postings list), so a large index loads in one
// read and takes memory in proportion to its postings. Passages are numbered by their position
// in the build; the store maps positions to passage ids.
import type { Concept } from '../language/dutch-analyzer.js';
import { compareCodeUnits, indexInSorted } from '../language/sorted.js';
import { inverseDocumentFrequency, type PostingsSource, RANGE_SIZE, rankByBm25, type StoredBounds, saturatedFrequency } from './bm25.js';
import { countInside, type Intervals } from './positions.js';
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

/** A part of the index (the passages of some collections) as a vocabulary and a BM25 search of its own. */
export interface LexicalView extends Vocabulary {
  search(concepts: readonly Concept[], limit: number): LexicalHit[];
}

export class LexicalIndex implements LexicalView {
  private readonly averageLength: number;
  /** Terms up to each position: the average length of any stretch of passages. */
  private readonly lengthsBefore: Float64Array;
  private readonly bounds: StoredBounds;

  constructor(private readonly data: LexicalIndexData) {
    this.lengthsBefore = new Float64Array(data.docLengths.length + 1);
    data.docLengths.forEach((length, position) => {
      this.lengthsBefore[position + 1] = this.lengthsBefore[position]! + length;
    });
    this.averageLength = this.lengthsBefore.at(-1)! / Math.max(1, data.docLengths.length);
    // Per term, its largest saturated frequency, and per range of positions for terms in more
    // than RANGED_POSTINGS passages: the bounds that let a search skip passages.
    const maxima = new Float64Array(data.terms.length);
    const rangeMaxima = new Map<number, Float64Array>();
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
      maxima[i] = max;
      if (ranged) rangeMaxima.set(i, ranged);
    }
    this.bounds = {
      averageLength: this.averageLength,
      max: (term) => maxima[this.termIndex(term)]!,
      ranges: (term) => rangeMaxima.get(this.termIndex(term)) ?? null,
    };
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

  /** Whether a passage in positions [from, until) holds `term`. */
  holdsWithin(term: string, from: number, until: number): boolean {
    const i = this.termIndex(term);
    return i !== -1 && countInside(this.postingsAt(i).positions, [[from, until]]) > 0;
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.documentFrequency(term), this.passageCount);
  }

  search(concepts: readonly Concept[], limit: number): LexicalHit[] {
    return rankByBm25(concepts, this.source(this.passageCount, this.averageLength), limit);
  }

  /**
   * The passages in `intervals` as an index of their own: their terms, counts, average length
   * and ranking, exactly as if nothing else were indexed (positions stay the index's). Building
   * the view reads the whole vocabulary once; a store keeps the views it uses.
   */
  view(intervals: Intervals): LexicalView {
    const passageCount = intervals.reduce((sum, [from, until]) => sum + until - from, 0);
    const totalLength = intervals.reduce((sum, [from, until]) => sum + this.lengthsBefore[until]! - this.lengthsBefore[from]!, 0);
    const averageLength = totalLength / Math.max(1, passageCount);
    const frequencies = new Map<string, number>();
    this.data.terms.forEach((term, i) => {
      const count = countInside(this.postingsAt(i).positions, intervals);
      if (count > 0) frequencies.set(term, count);
    });
    const source = { ...this.source(passageCount, averageLength), intervals };
    return {
      passageCount,
      terms: this.data.terms.filter((term) => frequencies.has(term)),
      has: (term) => frequencies.has(term),
      documentFrequency: (term) => frequencies.get(term) ?? 0,
      search: (concepts, limit) => rankByBm25(concepts, source, limit),
    };
  }

  private source(passageCount: number, averageLength: number): PostingsSource {
    return {
      passageCount,
      averageLength,
      postings: (term) => {
        const i = this.termIndex(term);
        return i === -1 ? null : this.postingsAt(i);
      },
      length: (position) => this.data.docLengths[position]!,
      bounds: this.bounds,
    };
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
