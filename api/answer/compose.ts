// Chooses the answer: the units of the leading passages, ordered by the fitted unit ranker's
// probability that they hold the asked fact; the best one leads, and a second one joins when the
// ranker thinks nearly as well of it. As shown, one that overlaps the best in its passage widens it.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { assertFeatures, type LinearModel, logOdds, sigmoid, vectorOf } from '../learn/linear-model.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { type AnswerUnit, answerUnits, overlap, unionOf } from './answer-units.js';
import type { QuestionForm } from './question-form.js';
import { UNIT_FEATURES, unitFeatures } from './unit-features.js';

/** Passages whose units are answer material, whatever `k` the request shows. */
export const ANSWER_DEPTH = 5;
/** Units an answer holds at most: one, and one more that the ranker rates almost as high. */
export const MAX_UNITS = 2;
/**
 * A further unit joins when its probability is at least this share of the best one's: a second
 * unit that the ranker doubts dilutes an answer that goes into a memo.
 */
export const JOIN_SHARE = 0.75;
/**
 * A partial answer is one the verdict is unsure of, so it shows the ranker's two best units
 * whatever it thinks of the second: out of fold (10 folds by question) the answer then held the
 * asked fact for 0.60 of the answerable questions instead of 0.57 (0.56 instead of 0.52 by
 * document), and the verdicts are the same, since they are given on the best units alone.
 */
const PARTIAL_JOIN_SHARE = 0;

export interface ScoredUnit {
  unit: AnswerUnit;
  /** In the order of UNIT_FEATURES. */
  features: number[];
  logOdds: number;
  probability: number;
}

/**
 * The units of the first ANSWER_DEPTH passages with their features, in passage order. A byline
 * says who wrote something and when: it answers only a question that asks when.
 */
export function unitCandidates(retrieval: Retrieval, form: QuestionForm, analyzer: DutchAnalyzer): { unit: AnswerUnit; features: number[] }[] {
  const units = answerUnits(retrieval.passages.slice(0, ANSWER_DEPTH)).filter((unit) => unit.kind !== 'byline' || form.form === 'time');
  const features = unitFeatures(units, { concepts: retrieval.question.concepts, form, analyzer });
  return units.map((unit, i) => ({ unit, features: vectorOf(features[i]!, UNIT_FEATURES) }));
}

/** The units of the first ANSWER_DEPTH passages, best first by the unit ranker. */
export function rankUnits(retrieval: Retrieval, form: QuestionForm, analyzer: DutchAnalyzer, ranker: LinearModel): ScoredUnit[] {
  assertFeatures(ranker, UNIT_FEATURES, 'answer-unit ranker');
  return unitCandidates(retrieval, form, analyzer)
    .map(({ unit, features }, order) => {
      const z = logOdds(ranker, features);
      return { unit, features, logOdds: z, probability: sigmoid(z), order };
    })
    .sort((a, b) => b.logOdds - a.logOdds || a.order - b.order)
    .map(({ order: _order, ...scored }) => scored);
}

/**
 * The answer's units: the best, then those close to it (`joinShare` of its probability), in
 * reading order after it. With `widen`, a close unit that overlaps the best one in its passage is
 * not passed over but widens the first to both (unionOf).
 */
export function composeAnswer(ranked: readonly ScoredUnit[], joinShare = JOIN_SHARE, widen = false): ScoredUnit[] {
  const [best, ...rest] = ranked;
  if (!best) return [];
  let lead = best;
  const joining: ScoredUnit[] = [];
  for (const candidate of rest) {
    if (joining.length >= MAX_UNITS - 1 || candidate.probability < best.probability * joinShare) break;
    if (![lead, ...joining].some((chosen) => overlap(chosen.unit, candidate.unit))) joining.push(candidate);
    else if (widen && joining.length === 0) {
      // Two good units around one place in a passage: the fact lies there, so the answer holds both.
      const union = unionOf(lead.unit, candidate.unit);
      if (union) lead = { ...lead, unit: union };
    }
  }
  joining.sort((a, b) => a.unit.sources[0]!.passage.rank - b.unit.sources[0]!.passage.rank || start(a) - start(b));
  return [lead, ...joining];
}

/**
 * The answer as shown once the verdict is given; the verdict itself is given on the answer as a
 * confident one is composed (composeAnswer with its defaults). A partial answer shows the two best
 * units whatever the second's rating, and either verdict widens its best unit by a close one that
 * overlaps it in its passage: two good units around one place say that the fact lies there. Out of
 * fold (10 folds by question) the answer then holds the asked fact for 0.609 of the answerable
 * questions instead of 0.594 (by document 0.570 instead of 0.555), "high" answers without it fall
 * from 2 to 1 (by document 1 to 0), and no verdict changes. Given to the verdict, the wider answers
 * made it answer more of the questions the documents do not answer (by document 0.818 declined
 * instead of 0.864): a wider answer holds more of any question's words.
 */
export function answerShown(ranked: readonly ScoredUnit[], verdict: 'answer' | 'partial'): ScoredUnit[] {
  return composeAnswer(ranked, verdict === 'partial' ? PARTIAL_JOIN_SHARE : JOIN_SHARE, true);
}

function start(scored: ScoredUnit): number {
  return scored.unit.sources[0]!.sentences[0]!.sentence.start;
}
