// The passages of this document that the answer you came from cites, in reading order: what
// "previous / next cited passage" steps through.
import type { AskResponse } from '../../../../api/contract';
import { originTurn } from '../chat/navigation';
import type { Range } from './parse-range';

export function citedRanges(storageKey: string, documentId: string): Range[] {
  const origin = originTurn();
  if (!origin) return [];
  try {
    const turns = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as { id: string; response?: AskResponse }[];
    const citations = turns.find((turn) => turn.id === origin)?.response?.citations ?? [];
    const ranges = citations.filter((citation) => citation.documentId === documentId).map(({ start, end }) => ({ start, end }));
    const unique = ranges.filter((range, i) => ranges.findIndex((other) => other.start === range.start && other.end === range.end) === i);
    return unique.sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}
