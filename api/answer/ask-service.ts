// Answers a request in the asked (or the server's default) mode. Extractive answers come straight
// from the engine; an LLM answer is only asked for when retrieval says the documents can answer,
// is validated against the passages, and every failure falls back to the extractive answer
// with the reason in `fallback`.
import type { AnswerMode, AskRequest, AskResponse, Fallback, StreamEvent } from '../contract.js';
import type { Engine } from '../engine.js';
import { messages } from '../messages.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { contextualQuestion } from './follow-up.js';
import { LlmError, type ChatClient } from './llm/chat-completions.js';
import { answerMessages, rewriteMessages } from './llm/prompt.js';
import { validateLlmAnswer } from './llm/validate-answer.js';

export interface AskServiceDeps {
  engine: Engine;
  chat: ChatClient | null;
  defaultMode: AnswerMode;
  onFallback?: (reason: Fallback['reason'], detail: string) => void;
}

type Send = (event: StreamEvent) => Promise<void>;

export function createAskService({ engine, chat, defaultMode, onFallback = () => {} }: AskServiceDeps) {
  const withFallback = (response: AskResponse, reason: Fallback['reason'], detail: string): AskResponse => {
    onFallback(reason, detail);
    return { ...response, fallback: { reason, message: messages.fallback[reason] } };
  };

  async function standaloneQuestion(request: AskRequest, mode: AnswerMode): Promise<string> {
    if (request.history.length === 0) return request.question;
    if (mode === 'llm' && chat) {
      try {
        const rewritten = (await chat.complete(rewriteMessages(request.question, request.history), { maxTokens: 120 })).trim().split('\n')[0]!.trim();
        if (rewritten.length > 0 && rewritten.length <= 500) return rewritten;
      } catch {
        // The rewrite only helps retrieval; without it the conversation's own words still do.
      }
    }
    return contextualQuestion(request.question, request.history, engine.analyzer);
  }

  async function prepare(request: AskRequest) {
    const mode = request.mode ?? defaultMode;
    const question = await standaloneQuestion(request, mode);
    const retrieval = await engine.search(question, request.k);
    return { mode, question, retrieval, extractive: engine.extractive(retrieval) };
  }

  /** The response when the LLM is not (or cannot be) asked; null when it should be. */
  function withoutLlm(mode: AnswerMode, extractive: AskResponse): AskResponse | null {
    if (mode === 'extractive' || !extractive.answered) return extractive;
    if (!chat) return withFallback(extractive, 'not_configured', 'LLM_BASE_URL is not set');
    return null;
  }

  function fromModel(raw: string, retrieval: Retrieval, extractive: AskResponse): AskResponse {
    const validated = validateLlmAnswer(raw, retrieval.passages, engine.analyzer, engine.titleOf);
    if (validated.status === 'declined') return { answered: false, answer: messages.notFound, mode: 'llm', citations: [], passages: extractive.passages };
    if (validated.status === 'invalid') return withFallback(extractive, 'no_valid_citations', `${validated.droppedSentences} sentences without a supported citation`);
    return { answered: true, answer: validated.text, mode: 'llm', citations: validated.citations, passages: extractive.passages };
  }

  const promptFor = (question: string, retrieval: Retrieval, request: AskRequest) => answerMessages(question, retrieval.passages, engine.titleOf, request.history);

  return {
    async ask(request: AskRequest): Promise<AskResponse> {
      const { mode, question, retrieval, extractive } = await prepare(request);
      const direct = withoutLlm(mode, extractive);
      if (direct) return direct;
      try {
        return fromModel(await chat!.complete(promptFor(question, retrieval, request)), retrieval, extractive);
      } catch (error) {
        if (error instanceof LlmError) return withFallback(extractive, error.reason, error.message);
        throw error;
      }
    },

    async stream(request: AskRequest, send: Send): Promise<void> {
      const { mode, question, retrieval, extractive } = await prepare(request);
      await send({ event: 'passages', data: extractive.passages });
      const direct = withoutLlm(mode, extractive);
      if (direct) return send({ event: 'final', data: direct });
      let raw = '';
      try {
        for await (const token of chat!.stream(promptFor(question, retrieval, request))) {
          raw += token;
          await send({ event: 'token', data: { text: token } });
        }
      } catch (error) {
        if (!(error instanceof LlmError)) throw error;
        return send({ event: 'final', data: withFallback(extractive, error.reason, error.message) });
      }
      await send({ event: 'final', data: fromModel(raw, retrieval, extractive) });
    },
  };
}

export type AskService = ReturnType<typeof createAskService>;
