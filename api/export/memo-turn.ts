// A chat turn as the memo export receives it: the question with the answer and citations as the
// chat received them (the server checks every quote again). The chat and the tests build turns
// with this one function.
import type { AskResponse, MemoRequest } from '../contract.js';

export function memoTurn(question: string, response: AskResponse): MemoRequest['turns'][number] {
  return {
    question,
    answer: response.answer,
    answered: response.answered,
    mode: response.mode,
    ...(response.confidence ? { confidence: response.confidence } : {}),
    citations: response.citations.map(({ n, documentId, start, end, quote }) => ({ n, documentId, start, end, quote })),
  };
}
