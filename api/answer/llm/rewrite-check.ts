// A language model's rewrite of a follow-up is checked before retrieval runs on it: one short
// question that keeps to the conversation's words, not a refusal, an answer or anything else.
import type { HistoryTurn } from '../../contract.js';
import type { DutchAnalyzer } from '../../language/dutch-analyzer.js';
import { NO_ANSWER } from './prompt.js';

/** Characters a standalone question may have; longer means the model did something else. */
export const MAX_REWRITE_CHARS = 300;

export function checkedRewrite(raw: string, question: string, history: readonly HistoryTurn[], analyzer: DutchAnalyzer): string | null {
  const lines = raw
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines.length !== 1) return null;
  const rewrite = lines[0]!.trim().replace(/^["'“„]|["'”]$/g, '');
  if (rewrite.length === 0 || rewrite.length > MAX_REWRITE_CHARS || rewrite.includes(NO_ANSWER) || /\[\d+\]/.test(rewrite)) return null;
  // Every topic word of the rewrite must come from the question or the conversation.
  const known = new Set(analyzer.indexTerms([question, ...history.map((turn) => `${turn.question} ${turn.answer}`)].join(' ')));
  const terms = analyzer.indexTerms(rewrite);
  if (terms.length === 0 || terms.some((term) => !known.has(term))) return null;
  return rewrite;
}
