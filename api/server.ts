// Serves the API from the current index. Started by scripts/start.ts (which first makes sure
// the index is fresh) or directly; without an index it still answers, with 503s that say what to run.
import { serve } from '@hono/node-server';
import { createChatClient } from './answer/llm/chat-completions.js';
import { createApp } from './app.js';
import type { HealthReport } from './contract.js';
import type { Engine } from './engine.js';
import { type Env, llmSettings, modelSettings } from './env.js';
import { AppError } from './errors.js';
import { loadEngine } from './load-engine.js';
import { messages } from './messages.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(env: Env): Promise<RunningServer> {
  let engine: Engine | null = null;
  let problem: AppError | null = null;
  let warnings: string[] = [];
  try {
    ({ engine, warnings } = await loadEngine(env.INDEX_DIR, modelSettings(env)));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error;
  }
  for (const warning of warnings) console.warn(`⚠ ${warning}`);
  const llm = llmSettings(env);
  if (llm) console.log(`Taalmodel: ${llm.model} via ${new URL(llm.baseUrl).host} (standaardmodus: ${env.ANSWER_MODE}).`);
  if (problem) console.error(`⚠ ${problem.message}`);

  const health = (): HealthReport => ({
    status: engine ? 'ok' : 'unavailable',
    modes: engine?.modes ?? [],
    manifest: engine?.manifest ?? null,
    warnings: problem ? [problem.message, ...warnings] : warnings,
  });
  const app = createApp({
    engine: () => {
      if (engine) return engine;
      throw problem ?? new AppError('index_missing', messages.indexMissing);
    },
    health,
    chat: llm ? createChatClient(llm) : null,
    defaultMode: env.ANSWER_MODE,
    maxBodyBytes: env.MAX_BODY_BYTES,
    allowedOrigins: env.ALLOWED_ORIGINS,
    webRoot: env.WEB_ROOT,
  });

  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
