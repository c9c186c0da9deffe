// npm start — builds the index when it is missing or stale (corpus, model or settings changed),
// then serves the assistant on PORT.

import { staleReasons } from '../api/build/freshness.js';
import { hasLocalWeights } from '../api/embed/model-files.js';
import { chunkSettings, modelSettings, readEnv } from '../api/env.js';
import { hashCorpus, listCorpusFiles } from '../api/ingest/corpus-files.js';
import { startServer } from '../api/server.js';
import { readManifest } from '../api/store/embedded/index-files.js';
import { buildWeb, webBuildIsStale } from './lib/build-web.js';
import { runBuild } from './lib/run-build.js';

const env = readEnv();
const model = modelSettings(env);
const manifest = await readManifest(env.INDEX_DIR);
const reasons = staleReasons(manifest, {
  corpusHash: await hashCorpus(await listCorpusFiles(env.CORPUS_DIR)),
  modelId: model.modelId,
  dtype: model.dtype,
  weightsAvailable: hasLocalWeights(model),
  chunking: chunkSettings(env),
});

if (reasons.length > 0) {
  console.log(`Index wordt (opnieuw) gebouwd: ${reasons.join('; ')}.`);
  try {
    await runBuild(env.CORPUS_DIR, env.INDEX_DIR, model, chunkSettings(env));
  } catch (error) {
    console.error(`Index bouwen mislukt: ${error instanceof Error ? error.message : String(error)}`);
    if (!manifest) process.exit(1);
    console.error('De vorige index blijft in gebruik.');
  }
}

if (webBuildIsStale(env.WEB_ROOT)) {
  console.log('Gebruikersomgeving bouwen …');
  await buildWeb(env.WEB_ROOT);
}

const server = await startServer(env);
console.log(`\nBronwijzer draait op ${server.url}\n  chat: ${server.url}/   widget-demo: ${server.url}/widget-demo.html   status: ${server.url}/health`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
