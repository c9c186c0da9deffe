// One answerer per answer mode. Each gets the retrieval, the answerability verdict and the
// extractive answer, and returns the final response; streaming answerers send tokens on the way.
import type { AnswerMode, AskResponse, Fallback, HistoryTurn, StreamEvent } from '../contract.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { messages } from '../messages.js';
import type { Retrieval } from '../retrieve/retriever.js';
import type { Assessment } from './answerability.js';
import { type ChatClient, LlmError } from './llm/chat-completions.js';
import { answerMessages } from './llm/prompt.js';
import { createAnswerCheck } from './llm/validate-answer.js';
import { answered, notFound } from './responses.js';

export type Send = (event: StreamEvent) => Promise<void>;

export interface AnswerContext {
  /** The question retrieval ran on (a follow-up completed with its context). */
  question: string;
  history: readonly HistoryTurn[];
  retrieval: Retrieval;
  assessment: Assessment;
  /** The extractive answer: the default, and every other mode's fallback. */
  extractive: AskResponse;
  /** The request's deadline and its client's presence: a language model call ends with it. */
  signal?: AbortSignal;
}

export interface Answerer {
  answer(context: AnswerContext, send: Send): Promise<AskResponse>;
}

export interface AnswererDeps {
  analyzer: DutchAnalyzer;
  chat: ChatClient | null;
  onFallback?: (reason: Fallback['reason'], detail: string) => void;
}

export function createAnswerers({ analyzer, chat, onFallback = () => {} }: AnswererDeps): Record<AnswerMode, Answerer> {
  const withFallback = (response: AskResponse, reason: Fallback['reason'], detail: string): AskResponse => {
    onFallback(reason, detail);
    return { ...response, fallback: { reason, message: messages.fallback[reason] } };
  };

  return {
    extractive: { answer: async ({ extractive }) => extractive },

    llm: {
      async answer({ question, history, retrieval, assessment, extractive, signal }, send) {
        // The model is only asked when the documents can answer: otherwise the honest "not found".
        if (!assessment.answerable) return extractive;
        if (!chat) return withFallback(extractive, 'not_configured', 'LLM_BASE_URL is not set');
        // Only checked sentences are sent as they complete: what the user reads while the model
        // writes is what the final answer holds, never an unsupported or planted sentence.
        const check = createAnswerCheck(retrieval.passages, retrieval.question.concepts, analyzer);
        let raw = '';
        let sent = 0;
        const sendKept = async (sentences: string[]) => {
          for (const sentence of sentences) await send({ event: 'token', data: { text: sent++ === 0 ? sentence : ` ${sentence}` } });
        };
        try {
          for await (const token of chat.stream(answerMessages(question, retrieval.passages, history), { signal })) {
            raw += token;
            await sendKept(check.read(raw, false));
          }
        } catch (error) {
          // The final event is the answer: a model that fails halfway is replaced as a whole.
          if (error instanceof LlmError) return withFallback(extractive, error.reason, error.message);
          throw error;
        }
        await sendKept(check.read(raw, true));
        const validated = check.result();
        if (validated.status === 'declined') return notFound(extractive.passages, 'llm');
        if (validated.status === 'invalid')
          return withFallback(extractive, 'no_valid_citations', `${validated.droppedSentences} sentences without a supported citation`);
        return answered(assessment, validated.text, 'llm', validated.citations, extractive.passages);
      },
    },
  };
}
