// Everything `npm run train` and the cross-validated evaluation share: the labelled questions
// read and each question's first-stage candidates over an engine's index. Training builds that
// index itself, lexical, in a temporary folder (the lexical model must stay valid without the
// embedding model); the evaluation uses the configured one.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeIndex } from '../../../api/access/scope.js';
import { UNIT_FEATURES } from '../../../api/answer/unit-features.js';
import { VERDICT_FEATURES } from '../../../api/answer/verdict-features.js';
import { buildFromEnv } from '../../../api/build/build-from-env.js';
import type { Engine } from '../../../api/engine.js';
import type { Env } from '../../../api/env.js';
import { FITTED_MODEL_FORMAT, type FittedModel } from '../../../api/learn/fitted-model.js';
import type { LinearModel } from '../../../api/learn/linear-model.js';
import { loadEngine } from '../../../api/load-engine.js';
import { PASSAGE_FEATURES } from '../../../api/retrieve/passage-features.js';
import { embeddedIndexWriter } from '../../../api/store/embedded/embedded-writer.js';
import { type EvalQuestion, parseEvalQuestions } from '../eval/evaluate.js';
import { tokenizerOnlyModels } from '../tokenizer-only-models.js';
import { type LabelledQuestion, labelledQuestions } from './dataset.js';

/** The project's labelled questions: what `npm run train` and `npm run eval` read unless told otherwise. */
export const DEV_QUESTIONS_FILE = join(import.meta.dirname, '..', '..', '..', 'eval', 'dev.jsonl');

export interface TrainingRun {
  questions: EvalQuestion[];
  data: LabelledQuestion[];
  /** The engine the candidates came from. */
  engine: Engine;
  trainedOn: FittedModel['trainedOn'];
}

/** A lexical engine over the corpus, built in a temporary folder: what `npm run train` fits on. */
export async function trainingEngine(env: Env): Promise<Engine> {
  const indexDir = await mkdtemp(join(tmpdir(), 'bronwijzer-train-'));
  const model = tokenizerOnlyModels(env.MODELS_DIR, env.EMBEDDING_MODEL);
  await buildFromEnv(env, { cacheDir: join(indexDir, 'cache'), model, writer: embeddedIndexWriter(indexDir) });
  return (await loadEngine(indexDir, model, undefined, untrainedModel())).engine;
}

/** The labelled questions over `engine`'s index, each with its first-stage candidates. */
export async function trainingRun(engine: Engine, questionsFile = DEV_QUESTIONS_FILE): Promise<TrainingRun> {
  const labels = await readFile(questionsFile, 'utf8');
  const questions = parseEvalQuestions(labels);
  const data = await labelledQuestions(engine, questions);
  const corpus = createHash('sha256');
  const scope = wholeIndex(engine.manifest.collections);
  for (const summary of (await engine.catalog.listDocuments(scope)).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    corpus.update(`${summary.id}\n${(await engine.catalog.getDocument(summary.id, scope))!.text}\n`);
  }
  return {
    questions,
    data,
    engine,
    trainedOn: {
      questions: questions.length,
      answerable: questions.filter((question) => question.answerable).length,
      labels: createHash('sha256').update(labels).digest('hex'),
      corpus: corpus.digest('hex'),
    },
  };
}

/** Zero weights everywhere: what the engine answers with before anything is fitted (training needs only its first stage). */
export function untrainedModel(): FittedModel {
  const zero = (features: readonly string[]): LinearModel => ({
    features: [...features],
    mean: features.map(() => 0),
    scale: features.map(() => 1),
    weights: features.map(() => 0),
    bias: 0,
  });
  const calibrated = { model: zero(VERDICT_FEATURES), calibration: [{ logOdds: 0, probability: 0.5 }] };
  return {
    format: FITTED_MODEL_FORMAT,
    about: 'untrained',
    trainedOn: { questions: 1, answerable: 0, labels: '0'.repeat(64), corpus: '0'.repeat(64) },
    passage: zero(PASSAGE_FEATURES),
    unit: zero(UNIT_FEATURES),
    verdict: { holds: calibrated, answerable: calibrated },
  };
}

/** The model as committed: numbers rounded to 9 significant digits, so the file reads well and diffs stay small. */
export function serializeModel(model: FittedModel): string {
  return `${JSON.stringify(model, (_, value) => (typeof value === 'number' ? Number(value.toPrecision(9)) : value), 2)}\n`;
}
