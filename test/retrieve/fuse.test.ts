import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../api/retrieve/fuse.js';

describe('reciprocalRankFusion', () => {
  it('rewards passages both rankings agree on', () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [3, 1, 4],
    ]);
    expect(fused.map((entry) => entry.index)).toEqual([1, 3, 2, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2));
  });

  it('passes a single ranking through unchanged', () => {
    expect(reciprocalRankFusion([[5, 9, 2]]).map((entry) => entry.index)).toEqual([5, 9, 2]);
  });

  it('fuses nothing into nothing', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
