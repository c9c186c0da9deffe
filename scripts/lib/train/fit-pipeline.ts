// Fits the answer pipeline on labelled questions, stage by stage, each on what the stage before
// gives it: the passage ranker on the first-stage candidates; the unit ranker on the units of the
// passages that ranker puts first; the verdict on what the answer looks like for questions the
// rankers never saw (inner folds), calibrated on out-of-fold predictions.
import { answerEvidence } from '../../../api/answer/answerability.js';
import { unitCandidates } from '../../../api/answer/compose.js';
import { questionForm } from '../../../api/answer/question-form.js';
import { quoteUnits } from '../../../api/answer/responses.js';
import { UNIT_FEATURES } from '../../../api/answer/unit-features.js';
import type { Outcome } from '../../../api/answer/verdict-costs.js';
import { VERDICT_FEATURES } from '../../../api/answer/verdict-features.js';
import type { DutchAnalyzer } from '../../../api/language/dutch-analyzer.js';
import { type CalibratedModel, FITTED_MODEL_FORMAT, type FittedModel } from '../../../api/learn/fitted-model.js';
import { type LinearModel, logOdds } from '../../../api/learn/linear-model.js';
import { PASSAGE_FEATURES } from '../../../api/retrieve/passage-features.js';
import { type Retrieval, rankCandidates } from '../../../api/retrieve/retriever.js';
import type { LabelledQuestion } from './dataset.js';
import { foldsByQuestion } from './folds.js';
import { isotonicKnots } from './isotonic.js';
import { fitLogistic, fitRanking } from './logistic-regression.js';

/**
 * Regularisation per model (penalty per example on standardised weights, the loss being a mean).
 * The same small value for all: with a dozen standardised features and at least one example per
 * question, the out-of-fold answerability AUC on the dev questions was 0.93 at 0.01 and 0.91 at
 * 0.05.
 */
export const L2 = { passage: 0.01, unit: 0.01, verdict: 0.01 } as const;
/**
 * Each step of the isotonic calibration rests on at least this share of the questions: a step of
 * a handful would say more about those questions than about the next one. Platt scaling was tried
 * first and understated the most certain answers (a top tenth at 0.86 held 0.96 of the time).
 */
export const CALIBRATION_STEP_SHARE = 0.1;
/**
 * Inner folds that give the verdict its out-of-fold training rows and its calibration. 10 inner
 * folds, rows from rankers closer to the ones that answer, were measured on the dev questions
 * (mean of 5 splits, 10 folds by question): the gold in the answer 0.644 against 0.655 at 5,
 * answered 0.797 against 0.809, refused 0.905 against 0.900; no better for twice the training.
 */
export const INNER_FOLDS = 5;
/**
 * The verdict learns from several splits into inner folds at once, each question's answer as the
 * rankers of each split make it: one split alone moves the out-of-fold figures by a few questions
 * (a question at the cut-off lands on either side of it), and the committed verdict should not
 * rest on the luck of one.
 */
export const INNER_SPLITS = 5;

export interface PipelineContext {
  analyzer: DutchAnalyzer;
  /** Whether the index has vectors (the ranker is then fused with the order by meaning). */
  dense: boolean;
  /** Recorded in the model file: what it was fitted on. */
  trainedOn: FittedModel['trainedOn'];
  /**
   * Which set of INNER_SPLITS splits into inner folds gives the verdict its rows and its
   * calibration (0, the committed model's, unless the evaluation repeats; set r holds the
   * repetitions r·INNER_SPLITS … of foldsByQuestion).
   */
  innerSplit?: number;
}

interface Rankers {
  passage: LinearModel;
  unit: LinearModel;
}

export function fitPipeline(data: readonly LabelledQuestion[], context: PipelineContext): FittedModel {
  const rankers = fitRankers(data, context);
  // The verdict learns from answers as they come out for questions the rankers never saw.
  const rows = verdictTrainingRows(data, context);
  const holds = fitCalibrated(rows, (row) => (row.outcome === 'holds' ? 1 : 0));
  const answerable = fitCalibrated(rows, (row) => (row.outcome === 'unanswerable' ? 0 : 1));
  return {
    format: FITTED_MODEL_FORMAT,
    about: 'Written by `npm run train`; do not edit. Passage ranker, answer-unit ranker and verdict, fitted on labelled questions.',
    trainedOn: context.trainedOn,
    passage: rankers.passage,
    unit: rankers.unit,
    verdict: { holds, answerable },
  };
}

/**
 * The verdict's training rows: each question's answer as rankers fitted without it (inner folds)
 * make it, once for each of the inner splits.
 */
export function verdictTrainingRows(data: readonly LabelledQuestion[], context: PipelineContext): VerdictRow[] {
  return innerSplits(context).flatMap((split) => outOfFold(data, (train, heldOut) => verdictRows(heldOut, fitRankers(train, context), context, split), split));
}

function innerSplits({ innerSplit = 0 }: PipelineContext): number[] {
  return Array.from({ length: INNER_SPLITS }, (_, k) => innerSplit * INNER_SPLITS + k);
}

/** The retrieval a question gets with this passage ranker (the first-stage candidates are the same for every ranker). */
export function retrievalWith(question: LabelledQuestion, ranker: LinearModel, dense: boolean): Retrieval {
  return { question: question.candidates.question, passages: rankCandidates(question.candidates.passages, ranker, dense) };
}

function fitRankers(data: readonly LabelledQuestion[], { analyzer, dense }: PipelineContext): Rankers {
  const answerable = data.filter((entry) => entry.question.answerable);
  const passage = fitRanking(
    PASSAGE_FEATURES,
    answerable.map((entry) => ({
      rows: entry.candidates.passages.map((candidate) => candidate.features),
      labels: entry.candidates.passages.map((candidate) => (entry.holdsGold(candidate.passage.text) ? 1 : 0)),
    })),
    { l2: L2.passage },
  );
  const unitGroups = answerable.map((entry) => {
    const retrieval = retrievalWith(entry, passage, dense);
    const form = questionForm(retrieval.question.text, retrieval.question.concepts);
    const candidates = unitCandidates(retrieval, form, analyzer);
    return { rows: candidates.map((candidate) => candidate.features), labels: candidates.map(({ unit }) => (entry.holdsGold(unit.text) ? 1 : 0)) };
  });
  const unit = fitLogistic(
    UNIT_FEATURES,
    unitGroups.flatMap((group) => group.rows),
    unitGroups.flatMap((group) => group.labels),
    { l2: L2.unit },
  );
  return { passage, unit };
}

export interface VerdictRow {
  question: FoldKey;
  /** The inner split whose rankers gave this row. */
  split: number;
  x: number[];
  outcome: Outcome;
}

type FoldKey = Pick<LabelledQuestion['question'], 'id' | 'answerable'>;

function verdictRows(data: readonly LabelledQuestion[], rankers: Rankers, { analyzer, dense }: PipelineContext, split: number): VerdictRow[] {
  return data.map((entry) => {
    const evidence = answerEvidence(retrievalWith(entry, rankers.passage, dense), analyzer, rankers.unit);
    const holds = evidence.answer.length > 0 && entry.holdsGold(quoteUnits(evidence.answer).text);
    return { question: entry.question, split, x: evidence.features, outcome: !entry.question.answerable ? 'unanswerable' : holds ? 'holds' : 'misses' };
  });
}

/** Runs `fit` on all but one inner fold and keeps what it gives for that fold, in the data's order. */
function outOfFold<T extends { question: FoldKey }, R>(data: readonly T[], fitAndApply: (train: T[], heldOut: T[]) => R[], split: number): R[] {
  const folds = foldsByQuestion(
    data.map((entry) => entry.question),
    INNER_FOLDS,
    split,
  );
  const results = new Array<R>(data.length);
  for (let fold = 0; fold < INNER_FOLDS; fold++) {
    const heldOut = data.flatMap((entry, i) => (folds[i] === fold ? [{ entry, i }] : []));
    if (heldOut.length === 0) continue;
    const out = fitAndApply(
      data.filter((_, i) => folds[i] !== fold),
      heldOut.map(({ entry }) => entry),
    );
    heldOut.forEach(({ i }, j) => {
      results[i] = out[j]!;
    });
  }
  return results;
}

/**
 * A verdict model fitted on all rows, with its isotonic calibration fitted on inner out-of-fold
 * log-odds: each split's rows scored by a model fitted on every row of the questions outside
 * their inner fold, so no question is scored by a model that saw it in another split's rows.
 */
function fitCalibrated(rows: readonly VerdictRow[], label: (row: VerdictRow) => number): CalibratedModel {
  const fitOn = (subset: readonly VerdictRow[]) =>
    fitLogistic(
      VERDICT_FEATURES,
      subset.map((row) => row.x),
      subset.map(label),
      { l2: L2.verdict },
    );
  const model = fitOn(rows);
  const splits = [...new Set(rows.map((row) => row.split))];
  const oof = splits.flatMap((split) => {
    const ofSplit = rows.filter((row) => row.split === split);
    const logOddsOfSplit = outOfFold(
      ofSplit,
      (train, heldOut) => {
        const seen = new Set(train.map((row) => row.question.id));
        const inner = fitOn(rows.filter((row) => seen.has(row.question.id)));
        return heldOut.map((row) => logOdds(inner, row.x));
      },
      split,
    );
    return logOddsOfSplit.map((z, i) => ({ z, y: label(ofSplit[i]!) }));
  });
  return { model, calibration: isotonicKnots(oof, Math.ceil(oof.length * CALIBRATION_STEP_SHARE)) };
}
