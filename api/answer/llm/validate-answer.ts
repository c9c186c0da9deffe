// Checks a language model's answer against the passages it was given: markers that point to no
// passage are removed, a sentence keeps a marker only when it shares content words with that
// passage, and sentences left without a marker are dropped. Each citation's quote is the
// passage sentence that best supports the generated sentence: verbatim, with its offsets.
import type { Citation } from '../../contract.js';
import type { DutchAnalyzer } from '../../language/dutch-analyzer.js';
import type { RetrievedPassage } from '../../retrieve/retriever.js';
import { citation } from '../citations.js';
import { splitSentences, type Sentence } from '../sentences.js';
import { NO_ANSWER } from './prompt.js';

export type ValidatedAnswer =
  | { status: 'answered'; text: string; citations: Citation[]; droppedSentences: number }
  | { status: 'declined' }
  | { status: 'invalid'; droppedSentences: number };

const MARKERS = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/g;
/** Shared content words a sentence needs with a passage to keep that passage as its source. */
const MIN_SHARED_TERMS = 1;

export function validateLlmAnswer(raw: string, passages: readonly RetrievedPassage[], analyzer: DutchAnalyzer): ValidatedAnswer {
  const text = raw.trim();
  if (text === '' || (text.includes(NO_ANSWER) && text.replace(NO_ANSWER, '').replace(MARKERS, '').trim().length < 40)) {
    return { status: 'declined' };
  }

  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const kept: string[] = [];
  let dropped = 0;

  for (const { sentence, numbers } of sentencesWithMarkers(text)) {
    const terms = new Set(analyzer.indexTerms(sentence));
    const markers: number[] = [];
    for (const n of numbers) {
      const passage = passages[n - 1];
      if (!passage) continue; // a marker that points to no passage
      const support = bestSupport(terms, passage, analyzer);
      if (!support) continue; // the passage does not say this
      const key = `${passage.passage.id}@${support.start}`;
      let number = numberOf.get(key);
      if (number === undefined) {
        number = citations.length + 1;
        numberOf.set(key, number);
        citations.push(citation(number, passage.passage, support));
      }
      if (!markers.includes(number)) markers.push(number);
    }
    if (markers.length === 0) {
      dropped++;
      continue;
    }
    kept.push(`${sentence} ${markers.map((n) => `[${n}]`).join(' ')}`);
  }

  if (kept.length === 0) return { status: 'invalid', droppedSentences: dropped };
  return { status: 'answered', text: kept.join(' '), citations, droppedSentences: dropped };
}

/** The generated sentences without their markers, each with the passage numbers it cites. */
function sentencesWithMarkers(text: string): { sentence: string; numbers: number[] }[] {
  const result: { sentence: string; numbers: number[] }[] = [];
  for (const { text: piece } of splitSentences(text)) {
    // "Zin. [2] Volgende zin.": markers opening a sentence belong to the one before.
    const leading = /^(\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]\s*)+/.exec(piece)?.[0] ?? '';
    if (leading && result.length > 0) result.at(-1)!.numbers.push(...numbersIn(leading));
    const rest = piece.slice(leading.length);
    const sentence = rest
      .replace(MARKERS, '')
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    if (/[\p{L}\p{N}]/u.test(sentence)) result.push({ sentence, numbers: numbersIn(rest) });
  }
  return result;
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(MARKERS)].flatMap((match) => match[1]!.split(/[,;]/).map((n) => Number(n.trim())));
}

function bestSupport(terms: ReadonlySet<string>, passage: RetrievedPassage, analyzer: DutchAnalyzer): Sentence | null {
  let best: { sentence: Sentence; shared: number } | null = null;
  for (const sentence of splitSentences(passage.passage.text, passage.passage.start)) {
    const shared = new Set(analyzer.indexTerms(sentence.text).filter((term) => terms.has(term))).size;
    if (shared >= MIN_SHARED_TERMS && (!best || shared > best.shared)) best = { sentence, shared };
  }
  return best?.sentence ?? null;
}
