// BM25 as every store ranks with it, so the embedded index and a database rank alike: the
// stores only say where a term occurs; the scoring below is the one both use. The top k are
// found without scoring every passage that holds a question word (MaxScore, Turtle & Flood 1995):
// each alternative of a concept has an upper bound on what it can add to a passage; once k
// passages are held, the alternatives whose bounds together cannot lift a passage past the k-th
// score no longer propose passages, and a passage is dropped as soon as what it still can gain
// cannot lift it. The ranking, scores and ties are exactly those of scoring everything.
import type { Concept } from '../language/dutch-analyzer.js';
import { countInside, firstAtOrAfter, type Intervals } from './positions.js';
import { CursorHeap, TopScores } from './search-heaps.js';

// k1 = 1.2 and b = 0.75 are the defaults of Robertson & Zaragoza ("The Probabilistic Relevance
// Framework: BM25 and Beyond", 2009); on the dev questions, k1 in 0.9–1.5 and b in 0.6–0.9 moved
// MRR@10 by less than 0.01, so the textbook values stay.
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Inverse document frequency, the BM25 (Lucene) form: never negative, highest for unseen terms. */
export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The saturated term-frequency part of BM25 for one term in one passage. */
export function saturatedFrequency(frequency: number, passageLength: number, averageLength: number): number {
  const norm = 1 - BM25_B + (BM25_B * passageLength) / averageLength;
  return (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * norm);
}

export interface Postings {
  /** Passage positions, ascending. */
  positions: ArrayLike<number>;
  frequencies: ArrayLike<number>;
}

/** Where a term occurs, as a store can tell: passage positions with the term's frequency there. */
export interface PostingsSource {
  /** Passages in the scope, and their average length in terms: BM25's statistics. */
  readonly passageCount: number;
  readonly averageLength: number;
  /** The term's postings (positions ascending), or null when no passage holds it. */
  postings(term: string): Postings | null;
  /** Terms in the passage at `position`. */
  length(position: number): number;
  /**
   * The stretches of positions [from, until) the scope holds, ascending and apart (a store keeps
   * a collection's passages together); without them, every position. Document frequencies are
   * counted inside them.
   */
  readonly intervals?: Intervals;
  /** Bounds the store keeps; without them they are found from the postings. */
  readonly bounds?: StoredBounds;
}

/**
 * A term's largest saturated frequency, anywhere and per range of RANGE_SIZE positions (the
 * embedded index keeps the ranges for terms in many passages: a common word can be set aside
 * where it is weak), computed with the average length of the whole index.
 */
export interface StoredBounds {
  readonly averageLength: number;
  max(term: string): number;
  ranges(term: string): ArrayLike<number> | null;
}

/** Positions per range of the range bounds. */
export const RANGE_SIZE = 1024;

export interface RankedPosition {
  position: number;
  score: number;
}

/** The largest saturated frequency in a list of postings: a term's bound. */
export function maxSaturatedOf(postings: Postings, length: (position: number) => number, averageLength: number): number {
  let max = 0;
  for (let p = 0; p < postings.positions.length; p++) {
    max = Math.max(max, saturatedFrequency(postings.frequencies[p]!, length(postings.positions[p]!), averageLength));
  }
  return max;
}

/**
 * A bound computed in another order than the score may be a rounding below it: a part is set
 * aside, or a passage dropped, only when it is short of the k-th score by more than this share.
 */
const ROUNDING_SLACK = 1e-9;

/** One term of one alternative, with a cursor into its postings. */
interface TermCursor {
  positions: ArrayLike<number>;
  frequencies: ArrayLike<number>;
  idf: number;
  /** Its largest saturated frequency anywhere, and per range when the store keeps that (times `scale`). */
  max: number;
  ranges: ArrayLike<number> | null;
  scale: number;
  at: number;
}

/** One alternative of one concept: the part of a question pruning sets aside or keeps. */
interface Part {
  /** The concept's place in the question: scores are summed in this order. */
  concept: number;
  weight: number;
  termCount: number;
  terms: TermCursor[];
  /** The most this alternative can give its concept in any passage of the current range. */
  bound: number;
}

/**
 * BM25 per question concept: a concept counts once, through its best-matching alternative (the
 * word itself, its compound parts, a variant); an alternative of several terms scores their mean.
 * Ties go to the earlier position, so every store breaks them alike.
 *
 * Pruning works per alternative, since an English question's concept can have dozens of them
 * ("show": "zien", "tonen", "wijzen", …), most of them common words: once k passages are held,
 * the alternatives that together cannot lift a passage past the k-th score stop proposing
 * passages; they are only looked up (by galloping through their postings) for a passage another
 * alternative proposed, and only while that passage can still make the k.
 */
export function rankByBm25(concepts: readonly Concept[], source: PostingsSource, limit: number): RankedPosition[] {
  if (limit <= 0) return [];
  const length = (position: number) => source.length(position);
  // A saturated frequency grows at most by the ratio of the average lengths when the scope's
  // passages are longer on average than the whole index's (norm = 1 − b + b·length/average).
  const boundScale = source.bounds ? Math.max(1, source.averageLength / source.bounds.averageLength) : 1;
  const parts: Part[] = [];
  let end = 0;
  concepts.forEach((concept, index) => {
    for (const alternative of concept.alternatives) {
      const terms: TermCursor[] = [];
      for (const term of new Set(alternative.terms)) {
        const postings = source.postings(term);
        if (!postings) continue;
        const documentFrequency = source.intervals ? countInside(postings.positions, source.intervals) : postings.positions.length;
        if (documentFrequency === 0) continue;
        const idf = inverseDocumentFrequency(documentFrequency, source.passageCount);
        const max = source.bounds ? source.bounds.max(term) * boundScale : maxSaturatedOf(postings, length, source.averageLength);
        const ranges = source.bounds?.ranges(term) ?? null;
        terms.push({ positions: postings.positions, frequencies: postings.frequencies, idf, max, ranges, scale: boundScale, at: 0 });
        end = Math.max(end, postings.positions[postings.positions.length - 1]! + 1);
      }
      if (terms.length > 0 && alternative.weight > 0)
        parts.push({ concept: index, weight: alternative.weight, termCount: alternative.terms.length, terms, bound: 0 });
    }
  });

  const top = new TopScores(limit);
  const search = { top, best: new Float64Array(concepts.length), source };
  for (const [start, stop] of source.intervals ?? [[0, end] as const]) {
    for (let from = start; from < stop; from = (Math.floor(from / RANGE_SIZE) + 1) * RANGE_SIZE) {
      const range = Math.floor(from / RANGE_SIZE);
      const until = Math.min(stop, (range + 1) * RANGE_SIZE);
      const present: Part[] = [];
      for (const part of parts) {
        part.bound = rangeBound(part, range, from, until);
        if (part.bound > 0) present.push(part);
      }
      // Smallest bound first: the parts set aside first are those that can add least.
      present.sort((a, b) => a.bound - b.bound);
      const boundOf = boundsBelow(present, concepts.length);
      if (top.full && boundOf.at(-1)! * (1 + ROUNDING_SLACK) <= top.threshold) continue; // nothing here can make the k
      searchRange(present, boundOf, until, search);
    }
  }
  return top.sorted();
}

/** What the alternative can give a passage in [from, until): 0 when none of its terms is there. */
function rangeBound(part: Part, range: number, from: number, until: number): number {
  let sum = 0;
  for (const term of part.terms) {
    term.at = firstAtOrAfter(term.positions, from, term.at);
    if (term.at >= term.positions.length || term.positions[term.at]! >= until) continue;
    sum += term.idf * (term.ranges ? term.ranges[range]! * term.scale : term.max);
  }
  return (part.weight * sum) / part.termCount;
}

/**
 * boundOf[i]: the most the parts before i can add to a passage together. A concept counts
 * through one alternative, so each concept adds its largest bound among them: the latest.
 */
function boundsBelow(parts: readonly Part[], conceptCount: number): number[] {
  const boundOf = [0];
  const largest = new Float64Array(conceptCount);
  for (const part of parts) {
    boundOf.push(boundOf.at(-1)! - largest[part.concept]! + part.bound);
    largest[part.concept] = part.bound;
  }
  return boundOf;
}

/** MaxScore over the positions below `until`, every part's cursor standing in the range. */
function searchRange(
  parts: readonly Part[],
  boundOf: readonly number[],
  until: number,
  { top, best, source }: { top: TopScores; best: Float64Array; source: PostingsSource },
): void {
  // The proposing parts' term cursors, lowest position first; a cursor of a part set aside
  // meanwhile is dropped when it comes up.
  const cursors = new CursorHeap<TermCursor>();
  parts.forEach((part, index) => {
    for (const term of part.terms) if (term.at < term.positions.length && term.positions[term.at]! < until) cursors.push(term, index);
  });
  const scoredAt = new Float64Array(parts.length).fill(-1);
  const popped: { term: TermCursor; part: number }[] = [];
  let proposing = 0; // parts from here on propose passages
  for (;;) {
    while (proposing < parts.length && top.full && boundOf[proposing + 1]! * (1 + ROUNDING_SLACK) <= top.threshold) proposing++;
    while (cursors.size > 0 && cursors.topPart < proposing) cursors.pop();
    if (cursors.size === 0) return;
    const position = cursors.topPosition;
    best.fill(0);
    popped.length = 0;
    while (cursors.size > 0 && cursors.topPosition === position) popped.push(cursors.pop());
    for (const { part: index } of popped) {
      if (index < proposing || scoredAt[index] === position) continue;
      scoredAt[index] = position;
      const part = parts[index]!;
      best[part.concept] = Math.max(best[part.concept]!, partScore(part, position, source, false));
    }
    for (const { term, part } of popped) if (part >= proposing && term.at < term.positions.length && term.positions[term.at]! < until) cursors.push(term, part);
    let partial = 0;
    for (let c = 0; c < best.length; c++) partial += best[c]!;
    let dropped = (partial + boundOf[proposing]!) * (1 + ROUNDING_SLACK) <= top.threshold;
    for (let i = proposing - 1; i >= 0 && !dropped; i--) {
      const part = parts[i]!;
      const score = partScore(part, position, source, true);
      if (score > best[part.concept]!) {
        partial += score - best[part.concept]!;
        best[part.concept] = score;
      }
      dropped = (partial + boundOf[i]!) * (1 + ROUNDING_SLACK) <= top.threshold;
    }
    if (dropped) continue;
    // Summed in the question's order, as scoring everything sums them: the same score, bit for bit.
    let score = 0;
    for (let c = 0; c < best.length; c++) if (best[c]! > 0) score += best[c]!;
    if (score > 0) top.offer(position, score);
  }
}

/**
 * The alternative's BM25 at `position`, its cursors moved past it: by one step for a proposing
 * part (its cursors never stand before the position), by a galloping search for one set aside.
 */
function partScore(part: Part, position: number, source: PostingsSource, seek: boolean): number {
  let sum = 0;
  let held = false;
  for (const term of part.terms) {
    if (seek) term.at = firstAtOrAfter(term.positions, position, term.at);
    if (term.at < term.positions.length && term.positions[term.at] === position) {
      sum += term.idf * saturatedFrequency(term.frequencies[term.at]!, source.length(position), source.averageLength);
      held = true;
      term.at++;
    }
  }
  return held ? (part.weight * sum) / part.termCount : 0;
}
