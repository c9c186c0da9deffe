// Decides whether the documents answer a question: a stage of its own, before any answer is
// written; both answer modes stand on its verdict. Two fitted models, calibrated on out-of-fold
// predictions, give the probability that the best answer holds the asked fact and the
// probability that the documents answer the question at all; the written-down cost of each
// mistake (verdict-costs.ts) turns them into "high", "partial" or a decline, whichever costs
// least. Nothing here is tuned by hand: the features are named in verdict-features.ts, the
// weights and the calibration come from `npm run train`.
import type { Scope } from '../access/scope.js';
import type { Engine } from '../engine.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { calibratedProbability, type FittedModel } from '../learn/fitted-model.js';
import { assertFeatures, type FeatureValues, type LinearModel, vectorOf } from '../learn/linear-model.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { ANSWER_DEPTH, answerShown, composeAnswer, rankUnits, type ScoredUnit } from './compose.js';
import { type QuestionForm, questionForm } from './question-form.js';
import { leastCostVerdict, type Verdict } from './verdict-costs.js';
import { VERDICT_FEATURES, type VerdictFeatureName, verdictFeatures } from './verdict-features.js';

/**
 * Cosine similarity (multilingual-e5) from which the first passage is taken to address the
 * question in other words: a decline becomes a partial answer when every anchor is there. A
 * documented prior, not a fitted weight: these machines have no model weights to fit it on; E5
 * scores paraphrases around 0.85–0.9. The lexical model stays valid on its own.
 */
export const DENSE_SUPPORT = 0.88;

export type { Verdict } from './verdict-costs.js';
export type VerdictReason = 'covered' | 'partly_covered' | 'similar_in_meaning' | 'no_concepts' | 'anchor_missing' | 'topic_missing' | 'not_covered';

export interface AnswerabilitySignals extends FeatureValues<VerdictFeatureName> {
  /** Cosine similarity of the first passage, when dense retrieval ran. */
  similarity: number | null;
}

/** What the verdict is decided on: the question's form, its units ranked, the composed answer and the verdict's features. */
export interface AnswerEvidence {
  form: QuestionForm;
  ranked: ScoredUnit[];
  answer: ScoredUnit[];
  signals: AnswerabilitySignals;
  /** The signals in the order of VERDICT_FEATURES. */
  features: number[];
}

export interface Assessment extends AnswerEvidence {
  verdict: Verdict;
  reason: VerdictReason;
  /** Whether the documents answer (fully or partly): both modes compose only then. */
  answerable: boolean;
  /** Calibrated probability that the answer holds the asked fact. */
  probability: number;
  /** Calibrated probability that the documents answer the question. */
  answerability: number;
}

export function answerEvidence(retrieval: Retrieval, analyzer: DutchAnalyzer, unitRanker: LinearModel): AnswerEvidence {
  const form = questionForm(retrieval.question.text, retrieval.question.concepts);
  const ranked = rankUnits(retrieval, form, analyzer, unitRanker);
  const answer = composeAnswer(ranked);
  const values = verdictFeatures(retrieval, ranked, answer, form, analyzer);
  return { form, ranked, answer, signals: { ...values, similarity: retrieval.passages[0]?.similarity ?? null }, features: vectorOf(values, VERDICT_FEATURES) };
}

export function assessAnswerability(retrieval: Retrieval, analyzer: DutchAnalyzer, model: FittedModel): Assessment {
  const { verdict: fitted } = model;
  assertFeatures(fitted.holds.model, VERDICT_FEATURES, 'verdict (holds)');
  assertFeatures(fitted.answerable.model, VERDICT_FEATURES, 'verdict (answerable)');
  const evidence = answerEvidence(retrieval, analyzer, model.unit);
  const { signals } = evidence;
  const probability = calibratedProbability(fitted.holds, evidence.features);
  const answerability = calibratedProbability(fitted.answerable, evidence.features);
  const decide = (verdict: Verdict, reason: VerdictReason): Assessment => ({
    ...evidence,
    // The verdict is given on the answer composed as for a confident one; the answer shown follows the verdict.
    answer: verdict === 'decline' ? evidence.answer : answerShown(evidence.ranked, verdict),
    verdict,
    reason,
    answerable: verdict !== 'decline',
    probability,
    answerability,
  });

  if (retrieval.question.concepts.length === 0) return decide('decline', 'no_concepts');
  if (evidence.answer.length === 0) return decide('decline', 'not_covered');
  const verdict = leastCostVerdict(probability, answerability);
  if (verdict === 'answer') return decide('answer', 'covered');
  if (verdict === 'partial') return decide('partial', 'partly_covered');
  if (signals.similarity !== null && signals.similarity >= DENSE_SUPPORT && !signals.anchorMissing) return decide('partial', 'similar_in_meaning');
  // The decision is the model's; the reason names the signal that most plainly stands against it.
  if (signals.anchorMissing) return decide('decline', 'anchor_missing');
  if (!signals.topConceptInPassages) return decide('decline', 'topic_missing');
  return decide('decline', 'not_covered');
}

/**
 * Retrieval and the verdict on it: the one way a question is read, whatever asks it (the API,
 * suggestions, tests), within the collections the caller may read.
 */
export async function readQuestion(engine: Engine, question: string, k: number, scope: Scope): Promise<{ retrieval: Retrieval; assessment: Assessment }> {
  // The verdict weighs a fixed depth of passages, whatever `k` the request shows.
  const retrieval = await engine.retriever.retrieve(question, Math.max(k, ANSWER_DEPTH), scope);
  return { retrieval, assessment: assessAnswerability(retrieval, engine.analyzer, engine.model) };
}
