import { describe, expect, it } from 'vitest';
import { calibratedProbability } from '../../../api/learn/fitted-model.js';
import { isotonicKnots } from '../../../scripts/lib/train/isotonic.js';

describe('isotonic calibration', () => {
  const points = [
    ...Array.from({ length: 10 }, (_, i) => ({ z: -2 + i * 0.01, y: i < 1 ? 1 : 0 })),
    ...Array.from({ length: 10 }, (_, i) => ({ z: 0 + i * 0.01, y: i < 5 ? 1 : 0 })),
    ...Array.from({ length: 10 }, (_, i) => ({ z: 2 + i * 0.01, y: i < 9 ? 1 : 0 })),
  ];

  it('gives each step its share of outcomes, rising with the log-odds', () => {
    const knots = isotonicKnots(points, 10);
    expect(knots.map((knot) => knot.probability)).toEqual([0.1, 0.5, 0.9]);
    expect(knots.map((knot) => Math.round(knot.logOdds))).toEqual([-2, 0, 2]);
  });

  it('pools steps that would fall, and steps narrower than the minimum', () => {
    const falling = [...points.slice(0, 10).map((point) => ({ ...point, y: 1 })), ...points.slice(10)];
    const knots = isotonicKnots(falling, 10);
    for (let i = 1; i < knots.length; i++) expect(knots[i]!.probability).toBeGreaterThanOrEqual(knots[i - 1]!.probability);
    // Three steps of 10 join their neighbours until none is narrower than 15: here, into one.
    expect(isotonicKnots(points, 15)).toEqual([{ logOdds: expect.closeTo(0.045, 6), probability: 0.5 }]);
    expect(isotonicKnots([...points, ...points.slice(20)], 15).map((knot) => knot.probability)).toEqual([0.3, 0.9]);
  });

  it('interpolates between steps and holds beyond the ends', () => {
    const model = { model: { features: ['x'], mean: [0], scale: [1], weights: [1], bias: 0 }, calibration: isotonicKnots(points, 10) };
    const at = (z: number) => calibratedProbability(model, [z]);
    expect(at(-5)).toBeCloseTo(0.1);
    expect(at(5)).toBeCloseTo(0.9);
    expect(at(1.045)).toBeCloseTo(0.7, 1);
  });
});
