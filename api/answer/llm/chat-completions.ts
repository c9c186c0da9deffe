// A client for any OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp server,
// Azure OpenAI, OpenAI): one request, or a stream of tokens. Every failure becomes an LlmError
// with a reason the answer pipeline falls back on; the API key never appears in one.
import type { Fallback } from '../../contract.js';
import { deadline } from '../../deadline.js';
import type { LlmSettings } from '../../env.js';
import { readEventStream } from '../../event-stream.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type LlmFailure = Exclude<Fallback['reason'], 'not_configured' | 'no_valid_citations'>;

export class LlmError extends Error {
  constructor(
    readonly reason: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface ChatOptions {
  maxTokens?: number;
  /** Ends the call: the request's deadline passed, or its client went away. */
  signal?: AbortSignal;
}

export interface ChatClient {
  model: string;
  complete(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
  stream(messages: ChatMessage[], options?: ChatOptions): AsyncIterable<string>;
}

/** Why an aborted call stopped: its time ran out, or the one who asked is gone. */
function abortError(signal: AbortSignal, timeoutMs: number): LlmError {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? new LlmError('timeout', `Het taalmodel antwoordde niet binnen ${timeoutMs} ms.`)
    : new LlmError('cancelled', 'De vraag werd ingetrokken voordat het taalmodel antwoordde.');
}

/** Low, so the model keeps close to the passages rather than varying its wording. */
const TEMPERATURE = 0.1;

/** What the client needs to reach the model; the guard's limits are upstream-guard.ts's. */
export type ChatSettings = Pick<LlmSettings, 'baseUrl' | 'model' | 'apiKey' | 'timeoutMs'>;

export function createChatClient(settings: ChatSettings, fetchImpl: typeof fetch = fetch): ChatClient {
  const url = new URL(settings.baseUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/chat/completions`;
  const azure = url.hostname.endsWith('.openai.azure.com');
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (settings.apiKey) {
    if (azure) headers['api-key'] = settings.apiKey;
    else headers.authorization = `Bearer ${settings.apiKey}`;
  }

  async function post(body: object, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify({ model: settings.model, temperature: TEMPERATURE, ...body }), signal });
    } catch (error) {
      if (signal.aborted) throw abortError(signal, settings.timeoutMs);
      throw new LlmError('unreachable', `Het taalmodel is niet bereikbaar (${url.host}): ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 429) throw new LlmError('rate_limited', 'Het taalmodel weigert tijdelijk verzoeken (429, te veel verzoeken).');
    if (!response.ok) throw new LlmError('upstream_error', `Het taalmodel gaf een fout (HTTP ${response.status}).`);
    return response;
  }

  return {
    model: settings.model,
    async complete(messages, options = {}) {
      // The call's own time limit, joined with the caller's (the request's deadline, its client).
      const { signal, dispose } = deadline(settings.timeoutMs, options.signal);
      try {
        const response = await post({ messages, stream: false, ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) }, signal);
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          throw signal.aborted ? abortError(signal, settings.timeoutMs) : new LlmError('invalid_response', 'Het taalmodel gaf geen geldige JSON terug.');
        }
        const content = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
        if (typeof content !== 'string')
          throw new LlmError('invalid_response', 'Het antwoord van het taalmodel bevat geen tekst (choices[0].message.content).');
        return content;
      } finally {
        dispose();
      }
    },
    async *stream(messages, options = {}) {
      const { signal, dispose } = deadline(settings.timeoutMs, options.signal);
      try {
        yield* streamWithin(messages, signal);
      } finally {
        dispose();
      }
    },
  };

  async function* streamWithin(messages: ChatMessage[], signal: AbortSignal): AsyncGenerator<string> {
    const response = await post({ messages, stream: true }, signal);
    if (!response.headers.get('content-type')?.includes('text/event-stream')) {
      // A server that ignores "stream": the whole answer at once is still an answer.
      const body = (await response.json().catch(() => null)) as { choices?: { message?: { content?: unknown } }[] } | null;
      const content = body?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new LlmError('invalid_response', 'Het taalmodel gaf geen geldige stream of JSON terug.');
      yield content;
      return;
    }
    try {
      yield* parseEventStream(response.body!);
    } catch (error) {
      if (error instanceof LlmError) throw error;
      if (signal.aborted) throw abortError(signal, settings.timeoutMs);
      throw new LlmError('unreachable', 'De verbinding met het taalmodel brak af.');
    }
  }
}

/** Content deltas of an OpenAI-style server-sent event stream, until "data: [DONE]". */
async function* parseEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  for await (const { data } of readEventStream(body)) {
    if (data === '[DONE]') return;
    let parsed: { choices?: { delta?: { content?: unknown } }[] };
    try {
      parsed = JSON.parse(data);
    } catch {
      throw new LlmError('invalid_response', 'Het taalmodel stuurde een onleesbaar stuk van de stream.');
    }
    const content = parsed.choices?.[0]?.delta?.content;
    if (typeof content === 'string' && content !== '') yield content;
  }
}
