import { describe, expect, it } from 'vitest';
import { logOdds } from '../../../api/learn/linear-model.js';
import { fitLogistic, fitRanking, penalisedLoss, type RankingGroup, rankingLoss } from '../../../scripts/lib/train/logistic-regression.js';

/** A fixed pseudo-random sequence: the same data on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function numericGradient(loss: (w: number[]) => number, at: number[], step = 1e-6): number[] {
  return at.map((_, j) => {
    const up = [...at];
    const down = [...at];
    up[j]! += step;
    down[j]! -= step;
    return (loss(up) - loss(down)) / (2 * step);
  });
}

describe('logistic regression', () => {
  const next = random(7);
  const rows = Array.from({ length: 400 }, () => [next() * 2 - 1, next() * 2 - 1, next() * 2 - 1]);
  const truth = [2, -1.5, 0];
  const labels = rows.map((row) => (next() < 1 / (1 + Math.exp(-(row[0]! * truth[0]! + row[1]! * truth[1]! + 0.3))) ? 1 : 0));

  it('has the gradient its loss has', () => {
    const at = [0.4, -0.2, 0.1, 0.05];
    const loss = (theta: number[]) => penalisedLoss(rows, labels, theta.slice(0, 3), theta[3]!, 0.05).loss;
    const { gradient } = penalisedLoss(rows, labels, at.slice(0, 3), at[3]!, 0.05);
    numericGradient(loss, at).forEach((value, j) => {
      expect(gradient[j]!).toBeCloseTo(value, 6);
    });
  });

  it('recovers the weights that made the labels, in the original units', () => {
    const model = fitLogistic(['a', 'b', 'c'], rows, labels, { l2: 1e-6 });
    const slope = (j: number) => model.weights[j]! / model.scale[j]!;
    expect(slope(0)).toBeGreaterThan(1.4);
    expect(slope(0)).toBeLessThan(2.8);
    expect(slope(1)).toBeLessThan(-0.9);
    expect(Math.abs(slope(2))).toBeLessThan(0.5);
  });

  it('shrinks the weights towards zero as the penalty grows', () => {
    const loose = fitLogistic(['a', 'b', 'c'], rows, labels, { l2: 0.001 });
    const tight = fitLogistic(['a', 'b', 'c'], rows, labels, { l2: 1 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) / 2);
  });

  it('is deterministic: the same data give the same weights, bit for bit', () => {
    expect(fitLogistic(['a', 'b', 'c'], rows, labels, { l2: 0.01 })).toEqual(fitLogistic(['a', 'b', 'c'], rows, labels, { l2: 0.01 }));
  });

  it('gives a constant feature no weight', () => {
    const model = fitLogistic(
      ['a', 'constant'],
      rows.map((row) => [row[0]!, 1]),
      labels,
      { l2: 0.01 },
    );
    expect(model.weights[1]).toBe(0);
    expect(model.scale[1]).toBe(1);
  });
});

describe('the ranking loss (a softmax over each question’s candidates)', () => {
  const next = random(11);
  const groups: RankingGroup[] = Array.from({ length: 60 }, () => {
    const rows = Array.from({ length: 8 }, () => [next(), next()]);
    // The answering candidate is the one with the most of the first feature, give or take noise.
    const scores = rows.map((row) => 3 * row[0]! + next());
    const best = scores.indexOf(Math.max(...scores));
    return { rows, labels: rows.map((_, i) => (i === best ? 1 : 0)) };
  });

  it('has the gradient its loss has', () => {
    const at = [0.3, -0.4];
    const { gradient } = rankingLoss(groups, at, 0.02);
    numericGradient((w) => rankingLoss(groups, w, 0.02).loss, at).forEach((value, j) => {
      expect(gradient[j]!).toBeCloseTo(value, 6);
    });
  });

  it('learns which feature puts the answering candidate first', () => {
    const model = fitRanking(['useful', 'noise'], groups, { l2: 0.01 });
    expect(model.weights[0]!).toBeGreaterThan(Math.abs(model.weights[1]!) * 3);
    const firstRight = groups.filter(({ rows, labels }) => {
      const scores = rows.map((row) => logOdds(model, row));
      return labels[scores.indexOf(Math.max(...scores))] === 1;
    }).length;
    expect(firstRight / groups.length).toBeGreaterThan(0.6);
  });

  it('ignores questions where every or no candidate answers: they say nothing about order', () => {
    const uninformative: RankingGroup[] = [
      { rows: [[1, 0]], labels: [1] },
      {
        rows: [
          [0, 1],
          [1, 1],
        ],
        labels: [0, 0],
      },
    ];
    expect(rankingLoss([...groups, ...uninformative], [0.3, -0.4], 0.02).loss).toBeCloseTo(rankingLoss(groups, [0.3, -0.4], 0.02).loss, 12);
  });
});
