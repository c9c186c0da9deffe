// npm run train -- [QUESTIONS.jsonl] [--check]: fits the passage ranker, the answer-unit ranker
// and the verdict on labelled questions (eval/dev.jsonl by default) over the corpus (CORPUS_DIR),
// and writes them to api/learn/data/fitted-model.json. Deterministic: the same questions and
// corpus give the same file. --check only says whether the committed file is what training gives.
import { readFile, writeFile } from 'node:fs/promises';
import { readEnv } from '../api/env.js';
import { FITTED_MODEL_PATH } from '../api/learn/fitted-model.js';
import { fitPipeline } from './lib/train/fit-pipeline.js';
import { serializeModel, trainingEngine, trainingRun } from './lib/train/training-run.js';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const started = performance.now();
const run = await trainingRun(await trainingEngine(readEnv()), file);
const model = fitPipeline(run.data, { analyzer: run.engine.analyzer, dense: false, trainedOn: run.trainedOn });
const written = serializeModel(model);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (args.includes('--check')) {
  const committed = await readFile(FITTED_MODEL_PATH, 'utf8').catch(() => '');
  if (committed !== written) {
    console.error(`${FITTED_MODEL_PATH.pathname} is niet wat training geeft: voer "npm run train" uit en commit het bestand.`);
    process.exit(1);
  }
  console.log(`Het vastgelegde model is wat training geeft (${seconds} s).`);
} else {
  await writeFile(FITTED_MODEL_PATH, written);
  console.log(
    `Getraind op ${run.trainedOn.questions} vragen (${run.trainedOn.answerable} beantwoordbaar) in ${seconds} s. Geschreven: ${FITTED_MODEL_PATH.pathname}`,
  );
}
