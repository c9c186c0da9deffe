// npm start — builds the index when it is missing or stale (corpus, model or settings changed),
// then serves the assistant on PORT. The build runs in a child process, so the memory it needs
// (the embedding model, every document at once) is given back before serving starts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildCodeFingerprint } from '../api/build/build-code.js';
import { currentCorpusHash } from '../api/build/corpus-hash.js';
import { staleReasons } from '../api/build/freshness.js';
import { hasLocalWeights } from '../api/embed/model-files.js';
import { buildSettings, chunkSettings, modelSettings, readEnv } from '../api/env.js';
import { exitOnSignals, startServer } from '../api/server.js';
import { configuredStore } from '../api/store/configured.js';
import { buildWeb, webBuildIsStale } from './lib/build-web.js';

const env = readEnv();
const model = modelSettings(env);
const settings = buildSettings(env);
const store = configuredStore(env);
const manifest = await store.source.liveManifest();
await store.source.close();
const reasons = staleReasons(manifest, {
  corpusHash: await currentCorpusHash(settings.corpusDir, settings.cacheDir),
  modelId: model.modelId,
  dtype: model.dtype,
  weightsAvailable: hasLocalWeights(model),
  chunking: chunkSettings(env),
  ocr: settings.reading.ocr !== null,
  buildCode: buildCodeFingerprint(),
});

if (reasons.length > 0) {
  console.log(`Index wordt (opnieuw) gebouwd: ${reasons.join('; ')}.`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'build-index.ts')], { stdio: 'inherit', env: process.env });
    child.on('exit', resolve);
  });
  if (code !== 0) {
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
exitOnSignals(server);
