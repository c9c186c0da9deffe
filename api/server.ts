// Serves the API from the current index, and switches to a new index when a build finishes.
// Started by scripts/start.ts (which first makes sure the index is fresh) or directly; without
// an index it still answers, with 503s that say what to run.
import { serve } from '@hono/node-server';
import { createChatClient } from './answer/llm/chat-completions.js';
import { createApp } from './app.js';
import type { HealthReport } from './contract.js';
import { type Env, llmSettings, modelSettings } from './env.js';
import { AppError } from './errors.js';
import { openLiveEngine } from './live-engine.js';
import { messages } from './messages.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** How often to look for a new index build (milliseconds). */
  reloadCheckMs?: number;
}

export async function startServer(env: Env, { reloadCheckMs }: ServerOptions = {}): Promise<RunningServer> {
  const engines = await openLiveEngine({ indexDir: env.INDEX_DIR, model: modelSettings(env), ...(reloadCheckMs ? { checkEveryMs: reloadCheckMs } : {}) });
  for (const warning of engines.warnings()) console.warn(`⚠ ${warning}`);
  const llm = llmSettings(env);
  if (llm) console.log(`Taalmodel: ${llm.model} via ${new URL(llm.baseUrl).host} (standaardmodus: ${env.ANSWER_MODE}).`);
  const problem = engines.problem();
  if (problem) console.error(`⚠ ${problem.message}`);

  const health = (): HealthReport => {
    const engine = engines.current();
    const trouble = engines.problem();
    return {
      status: engine ? 'ok' : 'unavailable',
      modes: engine?.modes ?? [],
      manifest: engine?.manifest ?? null,
      warnings: trouble ? [trouble.message, ...engines.warnings()] : engines.warnings(),
    };
  };
  const app = createApp({
    engine: () => {
      const engine = engines.current();
      if (engine) return engine;
      throw engines.problem() ?? new AppError('index_missing', messages.indexMissing);
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
        close: () =>
          new Promise((done) => {
            server.close(() => void engines.close().then(done));
          }),
      });
    });
  });
}
