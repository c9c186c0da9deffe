// What the memo export sends for answered turns: each question with the answer and citations as
// the chat received them (the server checks every quote again).
import type { AskResponse, MemoRequest } from '../../../../../api/contract';

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

/** Offers a file as a download, as a link with `download` does. */
export function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
