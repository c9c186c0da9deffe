import { describe, expect, it } from 'vitest';
import { COSTS, leastCostVerdict } from '../../api/answer/verdict-costs.js';

describe('the verdict of least expected cost', () => {
  it('answers with confidence "high" only when about 9 in 10 such answers hold the asked fact', () => {
    expect(leastCostVerdict(0.95, 0.97)).toBe('answer');
    expect(leastCostVerdict(0.85, 0.97)).toBe('partial');
  });

  it('answers as partial when the documents likely answer, and declines when they likely do not', () => {
    expect(leastCostVerdict(0.6, 0.9)).toBe('partial');
    expect(leastCostVerdict(0.3, 0.5)).toBe('decline');
    expect(leastCostVerdict(0.05, 0.1)).toBe('decline');
  });

  it('takes an answer that likely holds the fact as a question the documents answer', () => {
    expect(leastCostVerdict(0.95, 0.2)).toBe('answer');
  });

  it('stands on costs where a wrong "high" is the worst outcome of all', () => {
    const all = Object.values(COSTS).flatMap((byVerdict) => Object.values(byVerdict));
    expect(COSTS.misses.answer).toBe(Math.max(...all));
    expect(COSTS.unanswerable.answer).toBe(Math.max(...all));
    expect(COSTS.holds.partial).toBeLessThan(COSTS.holds.decline);
    expect(COSTS.unanswerable.partial).toBeGreaterThan(COSTS.holds.decline);
  });
});
