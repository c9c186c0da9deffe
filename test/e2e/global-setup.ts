// Builds the UI and the index over the bundled corpus into temporary folders and starts the real
// server on a free loopback port, for the browser tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readEnv } from '../../api/env.js';
import { startServer } from '../../api/server.js';
import { buildWeb } from '../../scripts/lib/build-web.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { startOpenAiCompatibleServer } from '../fixtures/openai-compatible-server.js';
import { CORPUS_DIR, OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndexInto } from '../fixtures/test-index.js';
import { fakeModel } from '../mocks/llm-handlers.js';
import { chromiumExecutable } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A second server whose answers a (stand-in) language model writes, streamed. */
    llmBaseUrl: string;
    /** The built UI and index, for tests that start (and restart) servers of their own. */
    e2eFolders: { webRoot: string; indexDir: string; modelsDir: string; work: string };
  }
}

export default async function setup(project: TestProject) {
  console.log(`Browser tests run in ${(await chromiumExecutable()).source}.`);
  const work = await mkdtemp(join(tmpdir(), 'bronwijzer-e2e-'));
  const webRoot = join(work, 'web');
  const indexDir = join(work, 'index');
  await buildWeb(webRoot);
  await buildTestIndexInto(CORPUS_DIR, indexDir);

  const env = readEnv({
    PORT: String(await freePort()),
    INDEX_DIR: indexDir,
    WEB_ROOT: webRoot,
    MODELS_DIR: OFFLINE_MODEL.modelsDir,
    ALLOW_MODEL_DOWNLOAD: 'false',
    LOG_LEVEL: 'silent',
    FEEDBACK_FILE: join(work, 'feedback.jsonl'),
  });
  const server = await startServer(env);
  const model = await startOpenAiCompatibleServer(fakeModel, { tokenDelayMs: 60 });
  const llmServer = await startServer({ ...env, PORT: await freePort(), LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'stand-in', ANSWER_MODE: 'llm' });
  project.provide('baseUrl', server.url);
  project.provide('llmBaseUrl', llmServer.url);
  project.provide('e2eFolders', { webRoot, indexDir, modelsDir: OFFLINE_MODEL.modelsDir, work });
  return async () => {
    await server.close();
    await llmServer.close();
    await model.close();
    await rm(work, { recursive: true, force: true });
  };
}
