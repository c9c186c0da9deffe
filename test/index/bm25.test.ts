// The pruned top-k search gives exactly what scoring every passage gives: on every dev question
// over the bundled corpus, and on random questions over a large random collection whose word
// frequencies follow Zipf's law (common words in most passages, as in real text).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { PostingsSource } from '../../api/index/bm25.js';
import { buildLexicalIndex, LexicalIndex, type LexicalIndexData } from '../../api/index/lexical-index.js';
import type { Intervals } from '../../api/index/positions.js';
import type { Concept } from '../../api/language/dutch-analyzer.js';
import { loadEngine } from '../../api/load-engine.js';
import { readIndexFiles } from '../../api/store/embedded/index-files.js';
import { rankEveryPassage } from '../fixtures/exhaustive-bm25.js';
import { everything } from '../fixtures/memory-engine.js';
import { CORPUS_DIR, DEV_QUESTIONS, OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndex } from '../fixtures/test-index.js';

/**
 * The same postings without the stored bounds, only those inside `intervals` when given, with
 * the statistics of those passages alone: what scoring everything in a scope reads.
 */
function plainSource(data: LexicalIndexData, intervals?: Intervals): PostingsSource {
  const inside = (position: number) => !intervals || intervals.some(([from, until]) => position >= from && position < until);
  const kept = [...data.docLengths.keys()].filter(inside);
  const averageLength = kept.reduce((sum, position) => sum + data.docLengths[position]!, 0) / kept.length;
  const index = new Map(data.terms.map((term, i) => [term, i]));
  return {
    passageCount: kept.length,
    averageLength,
    postings: (term) => {
      const i = index.get(term);
      if (i === undefined) return null;
      const positions: number[] = [];
      const frequencies: number[] = [];
      for (let p = data.offsets[i]!; p < data.offsets[i + 1]!; p++) {
        if (!inside(data.positions[p]!)) continue;
        positions.push(data.positions[p]!);
        frequencies.push(data.frequencies[p]!);
      }
      return positions.length > 0 ? { positions, frequencies } : null;
    },
    length: (position) => data.docLengths[position]!,
  };
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the pruned BM25 search', () => {
  it('ranks every dev question as scoring every passage does', async () => {
    const indexDir = await buildTestIndex(CORPUS_DIR);
    const { lexical } = await readIndexFiles(indexDir);
    const { engine } = await loadEngine(indexDir, OFFLINE_MODEL);
    const pruned = new LexicalIndex(lexical);
    const questions = (await readFile(DEV_QUESTIONS, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).question as string);
    for (const question of questions) {
      const { concepts } = (await engine.retriever.candidates(question, everything(engine))).question;
      for (const limit of [1, 10, 50]) expect(pruned.search(concepts, limit), question).toEqual(rankEveryPassage(concepts, plainSource(lexical), limit));
    }
  });

  it('ranks random questions over a large Zipfian collection, whole and in a scope, as scoring every passage does', () => {
    const next = random(20261201);
    const vocabulary = Array.from({ length: 2_000 }, (_, i) => `w${i}`);
    // Zipf: the word of rank r is drawn with probability ∝ 1 / r.
    const cumulative: number[] = [];
    vocabulary.reduce((sum, _, r) => (cumulative[r] = sum + 1 / (r + 1)), 0);
    const draw = () => {
      const target = next() * cumulative.at(-1)!;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return vocabulary[low]!;
    };
    const data = buildLexicalIndex(Array.from({ length: 8_000 }, () => Array.from({ length: 5 + Math.floor(next() * 120) }, draw)));
    const index = new LexicalIndex(data);
    // Two collections of a scope, apart, and ragged against the ranges of the range bounds.
    const intervals: Intervals = [
      [700, 2_900],
      [5_100, 6_333],
    ];
    const scoped = index.view(intervals);
    const weights = [1, 1, 0.8, 0.5, 0.35];
    const pick = () => (next() < 0.6 ? draw() : vocabulary[Math.floor(next() * vocabulary.length)]!);
    for (let question = 0; question < 300; question++) {
      const concepts: Concept[] = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, c) => ({
        label: `c${c}`,
        surface: `c${c}`,
        anchor: false,
        alternatives: Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
          terms: Array.from({ length: 1 + Math.floor(next() * 3) }, pick),
          weight: weights[Math.floor(next() * weights.length)]! * (0.2 + next()),
          kind: 'word' as const,
        })),
      }));
      const limit = [1, 10, 50][question % 3]!;
      expect(index.search(concepts, limit), JSON.stringify(concepts)).toEqual(rankEveryPassage(concepts, plainSource(data), limit));
      expect(scoped.search(concepts, limit), `scoped: ${JSON.stringify(concepts)}`).toEqual(rankEveryPassage(concepts, plainSource(data, intervals), limit));
    }
  });
});
