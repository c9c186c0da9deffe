// Out-of-fold figures: for each fold, the pipeline is fitted on the other folds' questions and
// the fold's questions are asked through the real HTTP app with those weights, so the figure for
// a question always comes from weights that never saw it.
import { wholeIndex } from '../../../api/access/scope.js';
import { readQuestion } from '../../../api/answer/answerability.js';
import { quoteUnits } from '../../../api/answer/responses.js';
import type { Env } from '../../../api/env.js';
import { appClient } from '../in-process-client.js';
import { fitPipeline } from '../train/fit-pipeline.js';
import type { TrainingRun } from '../train/training-run.js';
import { evaluate, type QuestionResult } from './evaluate.js';

export interface FoldedResult extends QuestionResult {
  fold: number;
}

/**
 * Every question's result from the model fitted without its fold; `folds[i]` is question i's fold.
 * `innerSplit`: the split into inner folds the verdict is fitted with (fit-pipeline.ts).
 */
export async function crossValidate(run: TrainingRun, folds: readonly number[], env: Env, warnings: string[] = [], innerSplit = 0): Promise<FoldedResult[]> {
  const results = new Map<string, FoldedResult>();
  const dense = run.engine.modes.includes('dense');
  for (const fold of [...new Set(folds)].sort((a, b) => a - b)) {
    const train = run.data.filter((_, i) => folds[i] !== fold);
    const test = run.data.filter((_, i) => folds[i] === fold);
    const engine = run.engine.withModel(fitPipeline(train, { analyzer: run.engine.analyzer, dense, trainedOn: run.trainedOn, innerSplit }));
    const byId = new Map(test.map((entry) => [entry.question.id, entry]));
    const report = await evaluate(
      test.map((entry) => entry.question),
      appClient(engine, warnings, env),
      async (question) => {
        const { assessment } = await readQuestion(engine, question.question, 10, wholeIndex(engine.manifest.collections));
        return {
          probability: assessment.probability,
          answerability: assessment.answerability,
          reason: assessment.reason,
          composedHoldsGold: assessment.answer.length > 0 && byId.get(question.id)!.holdsGold(quoteUnits(assessment.answer).text),
        };
      },
    );
    for (const result of report.results) results.set(result.id, { ...result, fold });
  }
  return run.questions.map((question) => results.get(question.id)!);
}
