// L2-regularised logistic regression, fitted by Newton's method on standardised features: a
// dozen features and a few thousand examples need nothing more, and Newton's method is exact and
// deterministic (the same data give the same weights, bit for bit, on every run).
import type { LinearModel } from '../../../api/learn/linear-model.js';

export interface FitOptions {
  /** Penalty on the squared weights (not the bias), per example: the loss is mean log-loss + l2/2 · |w|². */
  l2: number;
  /** Newton steps at most; it converges in well under 20 on these problems. */
  maxIterations?: number;
}

/** Mean log-loss plus the penalty, and its gradient, at (weights, bias) for standardised rows. */
export function penalisedLoss(rows: readonly (readonly number[])[], labels: readonly number[], weights: readonly number[], bias: number, l2: number) {
  const n = rows.length;
  const gradient = new Array<number>(weights.length + 1).fill(0);
  let loss = 0;
  rows.forEach((row, i) => {
    const z = row.reduce((sum, value, j) => sum + value * weights[j]!, bias);
    const p = 1 / (1 + Math.exp(-z));
    const y = labels[i]!;
    // log(1 + e^z) − y·z, written to stay finite for large |z|.
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    row.forEach((value, j) => {
      gradient[j]! += (p - y) * value;
    });
    gradient[weights.length]! += p - y;
  });
  for (let j = 0; j < weights.length; j++) gradient[j] = gradient[j]! / n + l2 * weights[j]!;
  gradient[weights.length] = gradient[weights.length]! / n;
  return { loss: loss / n + (l2 / 2) * weights.reduce((sum, w) => sum + w * w, 0), gradient };
}

export function fitLogistic(features: readonly string[], rows: readonly (readonly number[])[], labels: readonly number[], options: FitOptions): LinearModel {
  if (rows.length === 0) throw new Error('Cannot fit a model on no examples.');
  const d = features.length;
  const mean = features.map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  // A constant feature gets scale 1: its standardised value is 0 and its weight stays 0.
  const scale = features.map((_, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  const standard = rows.map((row) => row.map((value, j) => (value - mean[j]!) / scale[j]!));
  const n = rows.length;
  const theta = new Array<number>(d + 1).fill(0); // weights…, bias
  const positives = labels.reduce((sum, y) => sum + y, 0);
  theta[d] = Math.log((positives + 0.5) / (n - positives + 0.5));

  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    const weights = theta.slice(0, d);
    const { loss, gradient } = penalisedLoss(standard, labels, weights, theta[d]!, options.l2);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    standard.forEach((row) => {
      const z = row.reduce((sum, value, j) => sum + value * weights[j]!, theta[d]!);
      const p = 1 / (1 + Math.exp(-z));
      const w = (p * (1 - p)) / n;
      const x = [...row, 1];
      for (let a = 0; a <= d; a++) for (let b = a; b <= d; b++) hessian[a]![b]! += w * x[a]! * x[b]!;
    });
    for (let a = 0; a <= d; a++) {
      if (a < d) hessian[a]![a]! += options.l2;
      for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    }
    const step = solve(hessian, gradient);
    // Newton's step, halved until the loss goes down: a full step can overshoot far from the optimum.
    let size = 1;
    let next = theta.map((value, j) => value - step[j]!);
    while (size > 1e-6 && penalisedLoss(standard, labels, next.slice(0, d), next[d]!, options.l2).loss > loss) {
      size /= 2;
      next = theta.map((value, j) => value - size * step[j]!);
    }
    const largest = Math.max(...next.map((value, j) => Math.abs(value - theta[j]!)));
    theta.splice(0, theta.length, ...next);
    if (largest < 1e-10) break;
  }
  return { features: [...features], mean, scale, weights: theta.slice(0, d), bias: theta[d]! };
}

/** Solves A·x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const lead = a[column]![column]!;
    if (Math.abs(lead) < 1e-300) throw new Error('The Newton step is singular: add regularisation (l2 > 0).');
    for (let row = column + 1; row < n; row++) {
      const factor = a[row]![column]! / lead;
      for (let k = column; k <= n; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/** One question's candidates for a ranking fit: their feature rows and which of them answer. */
export interface RankingGroup {
  rows: readonly (readonly number[])[];
  labels: readonly number[];
}

/**
 * The mean over questions of −log softmax of each answering candidate among the question's
 * candidates (averaged over its answering ones), plus l2/2 · |w|², and its gradient, for
 * standardised rows. A softmax over a question's candidates scores a ranking: it asks that the
 * answering candidate beat the others of its own question, not that it clear a fixed bar.
 */
export function rankingLoss(groups: readonly RankingGroup[], weights: readonly number[], l2: number) {
  const d = weights.length;
  const gradient = new Array<number>(d).fill(0);
  const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  let loss = 0;
  let counted = 0;
  for (const { rows, labels } of groups) {
    const positives = labels.reduce((sum, y) => sum + y, 0);
    if (positives === 0 || positives === rows.length) continue;
    counted++;
    const scores = rows.map((row) => row.reduce((sum, value, j) => sum + value * weights[j]!, 0));
    const top = Math.max(...scores);
    const exps = scores.map((score) => Math.exp(score - top));
    const total = exps.reduce((sum, value) => sum + value, 0);
    const logTotal = top + Math.log(total);
    const expected = new Array<number>(d).fill(0);
    rows.forEach((row, i) => {
      const p = exps[i]! / total;
      for (let a = 0; a < d; a++) {
        expected[a]! += p * row[a]!;
        for (let b = a; b < d; b++) hessian[a]![b]! += p * row[a]! * row[b]!;
      }
    });
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) hessian[a]![b]! -= expected[a]! * expected[b]!;
    rows.forEach((row, i) => {
      if (!labels[i]) return;
      loss += (logTotal - scores[i]!) / positives;
      for (let a = 0; a < d; a++) gradient[a]! += (expected[a]! - row[a]!) / positives;
    });
  }
  const q = Math.max(1, counted);
  for (let a = 0; a < d; a++) {
    gradient[a] = gradient[a]! / q + l2 * weights[a]!;
    for (let b = a; b < d; b++) hessian[a]![b] = hessian[a]![b]! / q + (a === b ? l2 : 0);
    for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
  }
  return { loss: loss / q + (l2 / 2) * weights.reduce((sum, w) => sum + w * w, 0), gradient, hessian };
}

/** A linear ranking score fitted by Newton's method on the ranking loss; the bias is 0 (a softmax ignores it). */
export function fitRanking(features: readonly string[], groups: readonly RankingGroup[], options: FitOptions): LinearModel {
  const all = groups.flatMap((group) => group.rows);
  if (all.length === 0) throw new Error('Cannot fit a ranking on no candidates.');
  const d = features.length;
  const mean = features.map((_, j) => all.reduce((sum, row) => sum + row[j]!, 0) / all.length);
  const scale = features.map((_, j) => Math.sqrt(all.reduce((sum, row) => sum + (row[j]! - mean[j]!) ** 2, 0) / all.length) || 1);
  const standard = groups.map((group) => ({ labels: group.labels, rows: group.rows.map((row) => row.map((value, j) => (value - mean[j]!) / scale[j]!)) }));
  let weights = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    const { loss, gradient, hessian } = rankingLoss(standard, weights, options.l2);
    const step = solve(hessian, gradient);
    let size = 1;
    let next = weights.map((w, j) => w - step[j]!);
    while (size > 1e-6 && rankingLoss(standard, next, options.l2).loss > loss) {
      size /= 2;
      next = weights.map((w, j) => w - size * step[j]!);
    }
    const largest = Math.max(...next.map((w, j) => Math.abs(w - weights[j]!)));
    weights = next;
    if (largest < 1e-10) break;
  }
  return { features: [...features], mean, scale, weights, bias: 0 };
}
