import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../api/index/vector-index.js';

function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimensions }, next);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

function exactNeighbours(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
  return vectors
    .map((vector, index) => ({ index, similarity: dot(vector, query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k)
    .map((entry) => entry.index);
}

describe('VectorIndex', () => {
  // Several times the size of the bundled corpus, in the embedding model's dimensionality.
  const vectors = randomUnitVectors(3000, 384, 7);
  const queries = randomUnitVectors(100, 384, 99);
  const index = VectorIndex.build(vectors, 384);

  it('keeps recall@10 at 0.99 or more against exact search', () => {
    let found = 0;
    for (const query of queries) {
      const exact = new Set(exactNeighbours(vectors, query, 10));
      found += index.search(query, 10).filter((hit) => exact.has(hit.position)).length;
    }
    const recall = found / (queries.length * 10);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it('returns cosine similarities, best first', () => {
    const hits = index.search(vectors[42]!, 3);
    expect(hits[0]).toMatchObject({ position: 42 });
    expect(hits[0]!.similarity).toBeCloseTo(1, 5);
    expect(hits[1]!.similarity).toBeLessThanOrEqual(hits[0]!.similarity);
  });

  it('saves and loads', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'bronwijzer-hnsw-')), 'vectors.hnsw');
    index.save(path);
    const loaded = VectorIndex.load(path, 384);
    expect(loaded.size).toBe(3000);
    expect(loaded.search(queries[0]!, 5)).toEqual(index.search(queries[0]!, 5));
  });
});
