// Builds the real HTTP app around the current index and calls it in process (no port),
// for the command-line tools. An evaluation asks the same app with each fold's fitted weights.

import { createChatClient } from '../../api/answer/llm/chat-completions.js';
import { createApp } from '../../api/app.js';
import { type AnswerMode, type AskResponse, DEFAULT_K, type DocumentWithText } from '../../api/contract.js';
import type { Engine } from '../../api/engine.js';
import { type Env, llmSettings, modelSettings, readEnv } from '../../api/env.js';
import type { FittedModel } from '../../api/learn/fitted-model.js';
import { engineForStore } from '../../api/load-engine.js';
import { configuredStore } from '../../api/store/configured.js';

export interface InProcessClient {
  engine: Engine;
  warnings: string[];
  ask(question: string, k?: number, mode?: AnswerMode): Promise<AskResponse>;
  document(id: string): Promise<DocumentWithText>;
}

/** The configured store's live index; `fitted` replaces the committed weights (evaluation fits its own). */
export async function inProcessClient(fitted?: FittedModel): Promise<InProcessClient & { env: Env; close(): Promise<void> }> {
  const env = readEnv();
  const store = configuredStore(env);
  const { engine, warnings } = await engineForStore(await store.source.open(await store.source.current()), modelSettings(env), undefined, fitted);
  return { ...appClient(engine, warnings, env), env, close: () => store.source.close() };
}

/** The HTTP app around `engine`, called in process. */
export function appClient(engine: Engine, warnings: string[], env: Env): InProcessClient {
  const llm = llmSettings(env);
  const app = createApp({
    engine: () => engine,
    health: () => ({ status: 'ok', modes: engine.modes, manifest: engine.manifest, warnings }),
    chat: llm ? createChatClient(llm) : null,
    defaultMode: env.ANSWER_MODE,
  });
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await app.request(path, init);
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return body as T;
  };
  return {
    engine,
    warnings,
    ask: (question, k = DEFAULT_K, mode) =>
      call<AskResponse>('/api/ask', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question, k, ...(mode ? { mode } : {}) }),
      }),
    document: (id) => call<DocumentWithText>(`/api/documents/${encodeURIComponent(id)}`),
  };
}
