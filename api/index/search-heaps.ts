// The two heaps the pruned BM25 search (bm25.ts) walks with: the cursors of the terms that
// propose passages, lowest position first, and the k best passages so far, the k-th at the root.
import type { RankedPosition } from './bm25.js';

/** A place in a term's ascending positions. */
export interface Cursor {
  positions: ArrayLike<number>;
  at: number;
}

/** Term cursors by the position they stand on: a binary min-heap. */
export class CursorHeap<T extends Cursor> {
  private readonly terms: T[] = [];
  private readonly parts: number[] = [];

  get size(): number {
    return this.terms.length;
  }

  get topPosition(): number {
    const term = this.terms[0]!;
    return term.positions[term.at]!;
  }

  get topPart(): number {
    return this.parts[0]!;
  }

  push(term: T, part: number): void {
    this.terms.push(term);
    this.parts.push(part);
    let i = this.terms.length - 1;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (this.at(parent) <= this.at(i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { term: T; part: number } {
    const top = { term: this.terms[0]!, part: this.parts[0]! };
    const lastTerm = this.terms.pop()!;
    const lastPart = this.parts.pop()!;
    if (this.terms.length > 0) {
      this.terms[0] = lastTerm;
      this.parts[0] = lastPart;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let lowest = i;
        if (left < this.terms.length && this.at(left) < this.at(lowest)) lowest = left;
        if (right < this.terms.length && this.at(right) < this.at(lowest)) lowest = right;
        if (lowest === i) break;
        this.swap(i, lowest);
        i = lowest;
      }
    }
    return top;
  }

  private at(i: number): number {
    const term = this.terms[i]!;
    return term.positions[term.at]!;
  }

  private swap(i: number, j: number): void {
    [this.terms[i], this.terms[j]] = [this.terms[j]!, this.terms[i]!];
    [this.parts[i], this.parts[j]] = [this.parts[j]!, this.parts[i]!];
  }
}

/** The k best (position, score) pairs: a binary min-heap whose root is the k-th best. */
export class TopScores {
  private readonly heap: RankedPosition[] = [];

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.heap.length === this.limit;
  }

  /** The score a new passage must beat (positions only grow, so a tie never wins). */
  get threshold(): number {
    return this.full ? this.heap[0]!.score : 0;
  }

  offer(position: number, score: number): void {
    if (!this.full) {
      this.heap.push({ position, score });
      this.up(this.heap.length - 1);
    } else if (score > this.heap[0]!.score) {
      this.heap[0] = { position, score };
      this.down(0);
    }
  }

  sorted(): RankedPosition[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.position - b.position);
  }

  /** Worse: a lower score, or the same score at a later position. */
  private worse(a: RankedPosition, b: RankedPosition): boolean {
    return a.score < b.score || (a.score === b.score && a.position > b.position);
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && this.worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}
