// Answers a request: the question (completed from the conversation when it is a follow-up) is
// retrieved on, its answerability assessed, and the requested mode's answerer writes the answer.
// stream() sends the passages first, then tokens, then the final answer; ask() is stream()
// collected.
import type { AnswerMode, AskRequest, AskResponse, HistoryTurn } from '../contract.js';
import type { Engine } from '../engine.js';
import { ANSWERABILITY, assessAnswerability } from './answerability.js';
import type { Answerer, Send } from './answerers.js';
import { contextualQuestion } from './follow-up.js';
import type { ChatClient } from './llm/chat-completions.js';
import { rewriteMessages } from './llm/prompt.js';
import { extractiveResponse, passagesOf } from './responses.js';

/** Tokens a rewritten follow-up may take: one question, not an essay. */
const REWRITE_MAX_TOKENS = 120;
/** Characters a rewritten follow-up may have; longer means the model did something else. */
const REWRITE_MAX_CHARS = 500;

export interface AskServiceDeps {
  engine: Engine;
  answerers: Record<AnswerMode, Answerer>;
  chat: ChatClient | null;
  defaultMode: AnswerMode;
}

export interface AskService {
  ask(request: AskRequest): Promise<AskResponse>;
  stream(request: AskRequest, send: Send): Promise<AskResponse>;
}

export function createAskService({ engine, answerers, chat, defaultMode }: AskServiceDeps): AskService {
  async function standaloneQuestion(question: string, history: readonly HistoryTurn[], mode: AnswerMode): Promise<string> {
    if (history.length === 0) return question;
    if (mode === 'llm' && chat) {
      try {
        const rewritten = (await chat.complete(rewriteMessages(question, history), { maxTokens: REWRITE_MAX_TOKENS })).trim().split('\n')[0]!.trim();
        if (rewritten.length > 0 && rewritten.length <= REWRITE_MAX_CHARS) return rewritten;
      } catch {
        // The rewrite only helps retrieval; without it the conversation's own words still do.
      }
    }
    return contextualQuestion(question, history, engine.analyzer);
  }

  async function stream(request: AskRequest, send: Send): Promise<AskResponse> {
    const mode = request.mode ?? defaultMode;
    const question = await standaloneQuestion(request.question, request.history, mode);
    // Answerability weighs a fixed depth of passages, whatever `k` the request shows.
    const retrieval = await engine.retriever.retrieve(question, Math.max(request.k, ANSWERABILITY.depth));
    const assessment = assessAnswerability(retrieval);
    const passages = passagesOf(retrieval, request.k);
    await send({ event: 'passages', data: passages });
    const extractive = extractiveResponse(retrieval, assessment, engine.analyzer, passages);
    const final = await answerers[mode].answer({ question, history: request.history, retrieval, assessment, extractive }, send);
    await send({ event: 'final', data: final });
    return final;
  }

  return {
    stream,
    ask: (request) => stream(request, async () => {}),
  };
}
