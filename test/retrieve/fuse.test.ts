import { describe, expect, it } from 'vitest';
import { RRF_K, reciprocalRankFusion } from '../../api/retrieve/fuse.js';

describe('reciprocalRankFusion', () => {
  it('rewards passages both rankings agree on', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'a', 'd'],
    ]);
    expect(fused.map((entry) => entry.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2));
  });

  it('passes a single ranking through unchanged', () => {
    expect(reciprocalRankFusion([['e', 'i', 'b']]).map((entry) => entry.id)).toEqual(['e', 'i', 'b']);
  });

  it('breaks ties by first appearance, the lexical ranking first', () => {
    expect(reciprocalRankFusion([['x'], ['y']]).map((entry) => entry.id)).toEqual(['x', 'y']);
  });

  it('fuses nothing into nothing', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
