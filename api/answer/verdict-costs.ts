// What each mistake costs, written down so that the verdict is a decision about costs anyone can
// read (../shared/design/answers.md), not a tweak that makes one question pass: given the
// calibrated probabilities that the answer holds the asked fact and that the documents answer
// the question, the verdict is the one with the least expected cost.

export type Verdict = 'answer' | 'partial' | 'decline';

/**
 * What happened to a question: its answer holds the asked fact; the documents answer it but the
 * composed answer misses the fact; or the documents do not answer it.
 */
export type Outcome = 'holds' | 'misses' | 'unanswerable';

/**
 * In units of a second look at the documents:
 * - a wrong "high" answer goes into a council memo: 10, the worst outcome of all;
 * - a "partial" answer where the documents say nothing on the question: 3. The colleague reads
 *   quotes beside the point and trusts the next answer less: worse than a decline, which says
 *   plainly what it found;
 * - declining a question the documents answer: 2, a rephrase and a search through the closest
 *   passages shown ("declining a question the documents answer is a failure too");
 * - a "partial" answer to a question the documents answer, without the asked fact: 1.5, less than
 *   a decline, as the passages shown beside it hold the fact on most such questions;
 * - a "partial" answer that holds the fact: 1, the second look its framing asks for.
 * With these, "high" pays where about 9 in 10 such answers hold the asked fact (the share the
 * evaluation holds "high" to), and "partial" where the documents answer the question about
 * three times in four.
 */
export const COSTS: Readonly<Record<Outcome, Readonly<Record<Verdict, number>>>> = {
  holds: { answer: 0, partial: 1, decline: 2 },
  misses: { answer: 10, partial: 1.5, decline: 2 },
  unanswerable: { answer: 10, partial: 3, decline: 0 },
};

/**
 * The verdict with the least expected cost. An answer that holds the asked fact means the
 * documents answer the question: where the two models disagree, the answerability is raised to
 * the probability that the answer holds. Of equal costs, the more cautious verdict wins (decline
 * before partial, partial before answer).
 */
export function leastCostVerdict(holds: number, answerable: number): Verdict {
  const a = Math.max(holds, answerable);
  const chance: Record<Outcome, number> = { holds, misses: a - holds, unanswerable: 1 - a };
  const expected = (verdict: Verdict) => (Object.keys(chance) as Outcome[]).reduce((sum, outcome) => sum + chance[outcome] * COSTS[outcome][verdict], 0);
  let best: Verdict = 'decline';
  for (const verdict of ['partial', 'answer'] as const) if (expected(verdict) < expected(best) - 1e-12) best = verdict;
  return best;
}
