// Serves the API from the current index, and switches to a new index when a build finishes.
// Started by scripts/start.ts (which first makes sure the index is fresh) or directly; without
// an index it still answers, with 503s that say what to run. On SIGTERM it stops taking
// requests, lets those in flight finish, and after SHUTDOWN_TIMEOUT_MS closes what is left.

import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createChatClient } from './answer/llm/chat-completions.js';
import { guardChatClient } from './answer/llm/upstream-guard.js';
import { EXAMPLES_FILE, readExampleQuestions } from './answer/suggestions.js';
import { createApp } from './app.js';
import { createSignIn } from './auth/sign-in.js';
import type { HealthReport } from './contract.js';
import { type Env, httpSettings, llmSettings, modelSettings, signInSettings } from './env.js';
import { AppError, errorBody } from './errors.js';
import { readTemplateStyles } from './export/memo-template.js';
import { healthProbe } from './health-probe.js';
import { openLiveEngine } from './live-engine.js';
import { createLogger } from './logger.js';
import { messages } from './messages.js';
import { configuredStore } from './store/configured.js';

export interface RunningServer {
  url: string;
  /** Stops taking requests, waits for those in flight at most `deadlineMs` (SHUTDOWN_TIMEOUT_MS), then closes. */
  close(deadlineMs?: number): Promise<void>;
}

export interface ServerOptions {
  /** How often to look for a new index build (milliseconds). */
  reloadCheckMs?: number;
  /** Where log lines go; JSON on standard output at LOG_LEVEL when absent. */
  logger?: Logger;
}

export async function startServer(env: Env, { reloadCheckMs, logger = createLogger(env.LOG_LEVEL) }: ServerOptions = {}): Promise<RunningServer> {
  const store = configuredStore(env);
  const engines = await openLiveEngine({
    source: store.source,
    model: modelSettings(env),
    log: (line) => logger.info(line),
    ...(reloadCheckMs ? { checkEveryMs: reloadCheckMs } : {}),
  });
  for (const warning of engines.warnings()) logger.warn(warning);
  const llm = llmSettings(env);
  const signIn = signInSettings(env);
  if (llm) logger.info(`Taalmodel: ${llm.model} via ${new URL(llm.baseUrl).host} (standaardmodus: ${env.ANSWER_MODE}).`);
  const problem = engines.problem();
  if (problem) logger.error(problem.message);

  const probe = healthProbe(() => engines.current());
  const health = async (): Promise<HealthReport> => {
    const engine = engines.current();
    const trouble = engines.problem();
    const storeState = engines.store();
    const probed = await probe();
    return {
      status: engine && storeState.connected && probed?.ok ? 'ok' : 'unavailable',
      modes: engine?.modes ?? [],
      manifest: engine?.manifest ?? null,
      warnings: [
        ...(trouble ? [trouble.message] : []),
        ...(storeState.connected ? [] : [messages.storeUnavailable]),
        ...(probed && !probed.ok ? [messages.probeFailed(probed.problem ?? '')] : []),
        ...engines.warnings(),
      ],
      store: storeState,
      ...(probed ? { probe: probed } : {}),
    };
  };
  const chat = llm
    ? guardChatClient(createChatClient(llm), { maxConcurrent: llm.maxConcurrent, failureThreshold: llm.breakerFailures, cooldownMs: llm.breakerCooldownMs })
    : null;
  const app = createApp({
    engine: () => {
      const engine = engines.current();
      if (engine) return engine;
      throw engines.problem() ?? new AppError('index_missing', messages.indexMissing);
    },
    health,
    chat,
    ...httpSettings(env),
    logger,
    feedback: store.feedback,
    exampleQuestions: () => readExampleQuestions(join(env.CORPUS_DIR, EXAMPLES_FILE), (message) => logger.warn(message)),
    signIn: signIn ? createSignIn(signIn, logger) : null,
    memoStyles: env.MEMO_TEMPLATE ? await readTemplateStyles(env.MEMO_TEMPLATE) : null,
  });

  let draining = false;
  const fetch = (request: Request, ...rest: Parameters<typeof app.fetch> extends [unknown, ...infer R] ? R : never) => {
    if (draining) return Response.json(errorBody('request_timeout', messages.shuttingDown), { status: 503, headers: { connection: 'close' } });
    return app.fetch(request, ...rest);
  };

  return new Promise((resolve) => {
    const server = serve({ fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
      resolve({
        url: `http://${host}:${info.port}`,
        close: async (deadlineMs = env.SHUTDOWN_TIMEOUT_MS) => {
          draining = true;
          const closed = new Promise<void>((done) => server.close(() => done()));
          if ('closeIdleConnections' in server) server.closeIdleConnections();
          const deadline = setTimeout(() => {
            logger.warn(`Requests still open after ${deadlineMs} ms at shutdown: closing them.`);
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, deadlineMs);
          await closed;
          clearTimeout(deadline);
          await engines.close();
        },
      });
    });
  });
}

/** Ends the process on SIGINT / SIGTERM after the server has drained (within its deadline). */
export function exitOnSignals(server: RunningServer): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void server.close().then(() => process.exit(0));
    });
  }
}
