// Builds the real HTTP app around the current index and calls it in process (no port),
// for the command-line tools.

import { createChatClient } from '../../api/answer/llm/chat-completions.js';
import { createApp } from '../../api/app.js';
import { type AnswerMode, type AskResponse, DEFAULT_K, type DocumentWithText } from '../../api/contract.js';
import { llmSettings, modelSettings, readEnv } from '../../api/env.js';
import { engineForStore } from '../../api/load-engine.js';
import { configuredStore } from '../../api/store/configured.js';

export async function inProcessClient() {
  const env = readEnv();
  const store = configuredStore(env);
  const { engine, warnings } = await engineForStore(await store.source.open(await store.source.current()), modelSettings(env));
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
    ask: (question: string, k = DEFAULT_K, mode?: AnswerMode) =>
      call<AskResponse>('/api/ask', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question, k, ...(mode ? { mode } : {}) }),
      }),
    document: (id: string) => call<DocumentWithText>(`/api/documents/${encodeURIComponent(id)}`),
    close: () => store.source.close(),
  };
}
