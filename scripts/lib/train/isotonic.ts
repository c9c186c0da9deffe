// Isotonic regression by pool-adjacent-violators (Zadrozny & Elkan, 2002): the monotone step
// function of the log-odds that best fits the outcomes. Steps narrower than `minimum` examples
// then join the neighbour closest to them in probability (joining neighbours keeps the steps
// monotone). The steps become the calibration's knots (learn/fitted-model.ts).
import type { CalibratedModel } from '../../../api/learn/fitted-model.js';

interface Step {
  sum: number;
  n: number;
  zSum: number;
}

const mean = (step: Step) => step.sum / step.n;
const join = (a: Step, b: Step): Step => ({ sum: a.sum + b.sum, n: a.n + b.n, zSum: a.zSum + b.zSum });

export function isotonicKnots(points: readonly { z: number; y: number }[], minimum: number): CalibratedModel['calibration'] {
  const sorted = [...points].sort((a, b) => a.z - b.z || a.y - b.y);
  const steps: Step[] = [];
  for (const { z, y } of sorted) {
    steps.push({ sum: y, n: 1, zSum: z });
    while (steps.length > 1 && mean(steps.at(-2)!) >= mean(steps.at(-1)!)) steps.push(join(steps.pop()!, steps.pop()!));
  }
  for (;;) {
    let narrowest = -1;
    steps.forEach((step, i) => {
      if (step.n < minimum && (narrowest === -1 || step.n < steps[narrowest]!.n)) narrowest = i;
    });
    if (narrowest === -1 || steps.length === 1) break;
    const left = steps[narrowest - 1];
    const right = steps[narrowest + 1];
    const step = steps[narrowest]!;
    const withLeft = left && (!right || mean(step) - mean(left) <= mean(right) - mean(step));
    if (withLeft) steps.splice(narrowest - 1, 2, join(left, step));
    else steps.splice(narrowest, 2, join(step, right!));
  }
  // Steps at one log-odds (identical examples with both outcomes) are one step.
  const distinct: Step[] = [];
  for (const step of steps) {
    const last = distinct.at(-1);
    if (last && last.zSum / last.n >= step.zSum / step.n) distinct.push(join(distinct.pop()!, step));
    else distinct.push(step);
  }
  return distinct.map((step) => ({ logOdds: step.zSum / step.n, probability: mean(step) }));
}
