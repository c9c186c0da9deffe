// Answers a request: retrieval, the answerability verdict, and the requested mode's answerer.
// A question that looks like a follow-up ("En wie betaalt dat?") is completed from the
// conversation (rewritten by the language model and checked, or joined with the earlier
// question) and the response says how it was read; when the completed question finds no answer,
// the question is taken on its own, and when that finds none either, the follow-up reading
// stands. Any other question is never rewritten.
// stream() sends the passages first, then tokens, then the final answer; ask() is stream() collected.
import type { Scope } from '../access/scope.js';
import type { AnswerMode, AskRequest, AskResponse, HistoryTurn } from '../contract.js';
import { deadline } from '../deadline.js';
import type { Engine } from '../engine.js';
import { defaults } from '../env.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { type Assessment, readQuestion } from './answerability.js';
import type { Answerer, Send } from './answerers.js';
import { looksLikeFollowUp, withEarlierQuestion } from './follow-up.js';
import type { ChatClient } from './llm/chat-completions.js';
import { rewriteMessages } from './llm/prompt.js';
import { checkedRewrite } from './llm/rewrite-check.js';
import { extractiveResponse, passagesOf } from './responses.js';

/** Tokens a rewritten follow-up may take: one question, not an essay. */
const REWRITE_MAX_TOKENS = 120;

export interface AskServiceDeps {
  engine: Engine;
  answerers: Record<AnswerMode, Answerer>;
  chat: ChatClient | null;
  defaultMode: AnswerMode;
  /** One deadline for everything a request asks the language model (rewrite and answer together). */
  llmDeadlineMs?: number;
}

export interface AskOptions {
  /** The collections this request reads (access/viewer.ts): retrieval, verdict and answer see nothing else. */
  scope: Scope;
  /** Aborted when the client goes away: the language model is not kept waiting for nobody. */
  signal?: AbortSignal;
}

export interface AskService {
  ask(request: AskRequest, options: AskOptions): Promise<AskResponse>;
  stream(request: AskRequest, send: Send, options: AskOptions): Promise<AskResponse>;
}

interface Reading {
  question: string;
  retrieval: Retrieval;
  assessment: Assessment;
  followUpOf: string | null;
}

export function createAskService({ engine, answerers, chat, defaultMode, llmDeadlineMs = defaults.LLM_TIMEOUT_MS }: AskServiceDeps): AskService {
  async function read(question: string, k: number, scope: Scope, followUpOf: string | null = null): Promise<Reading> {
    return { question, ...(await readQuestion(engine, question, k, scope)), followUpOf };
  }

  async function rewrite(question: string, history: readonly HistoryTurn[], signal: AbortSignal): Promise<string | null> {
    if (!chat) return null;
    try {
      const raw = await chat.complete(rewriteMessages(question, history), { maxTokens: REWRITE_MAX_TOKENS, signal });
      return checkedRewrite(raw, question, history, engine.analyzer);
    } catch {
      return null; // the rewrite only helps retrieval; the conversation's own words still do
    }
  }

  async function interpret(request: AskRequest, mode: AnswerMode, scope: Scope, signal: AbortSignal): Promise<Reading> {
    const previous = request.history.at(-1)?.question;
    if (previous && looksLikeFollowUp(request.question, engine.analyzer)) {
      // Each reading is another question, read once: a rewrite that equals the joined question, or
      // the question itself, is not read again.
      const completions = new Set(
        [mode === 'llm' ? await rewrite(request.question, request.history, signal) : null, withEarlierQuestion(request.question, request.history)].filter(
          (completed): completed is string => completed !== null && completed !== request.question,
        ),
      );
      let declined: Reading | null = null;
      for (const completed of completions) {
        const reading = await read(completed, request.k, scope, previous);
        if (reading.assessment.answerable) return reading;
        declined ??= reading;
      }
      // Neither reading is answered: the follow-up reading stands, so the decline says how the question was read.
      const standalone = await read(request.question, request.k, scope);
      return standalone.assessment.answerable || !declined ? standalone : declined;
    }
    return read(request.question, request.k, scope);
  }

  async function stream(request: AskRequest, send: Send, options: AskOptions): Promise<AskResponse> {
    const mode = request.mode ?? defaultMode;
    const { signal, dispose } = deadline(llmDeadlineMs, options.signal);
    try {
      const { question, retrieval, assessment, followUpOf } = await interpret(request, mode, options.scope, signal);
      const passages = passagesOf(retrieval, request.k);
      await send({ event: 'passages', data: passages });
      const extractive = extractiveResponse(assessment, passages);
      const answer = await answerers[mode].answer({ question, history: request.history, retrieval, assessment, extractive, signal }, send);
      const final = followUpOf ? { ...answer, interpretedAs: { question, followUpOf } } : answer;
      await send({ event: 'final', data: final });
      return final;
    } finally {
      dispose();
    }
  }

  return {
    stream,
    ask: (request, options) => stream(request, async () => {}, options),
  };
}
