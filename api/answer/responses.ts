// Builds the API's answer shapes from a retrieval: the passages shown beside every answer, the
// honest "not found", and the extractive answer with its numbered citations.
import type { AnswerMode, AskResponse, Citation, Passage } from '../contract.js';
import type { Sentence } from '../language/sentences.js';
import { messages } from '../messages.js';
import { type PassageRecord, recognitionAt } from '../records.js';
import type { SentenceEvidence } from '../retrieve/evidence.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { unitSentences } from './answer-units.js';
import type { Assessment } from './answerability.js';
import { citation } from './citations.js';
import type { ScoredUnit } from './compose.js';

/** Scores are rounded for the response: four decimals tell passages apart, more is noise. */
const SCORE_DECIMALS = 4;

export function passagesOf(retrieval: Retrieval, limit = retrieval.passages.length): Passage[] {
  const scale = 10 ** SCORE_DECIMALS;
  return retrieval.passages.slice(0, limit).map(({ passage, score }) => ({
    id: passage.id,
    documentId: passage.documentId,
    title: passage.documentTitle,
    section: passage.section,
    text: passage.text,
    score: Math.round(score * scale) / scale,
    start: passage.start,
    end: passage.end,
    recognised: recognitionAt(passage.recognised, passage.start, passage.end),
    attribution: passage.attribution,
  }));
}

export function notFound(passages: Passage[], mode: AnswerMode): AskResponse {
  return { answered: false, answer: passages.length > 0 ? messages.notFound : messages.notFoundNoPassages, mode, citations: [], passages };
}

/**
 * The units quoted: each sentence verbatim with its marker; a sentence that two documents hold
 * alike is written once, with a marker for each ("Zin. [1] [2]"). Lines that end without a full
 * stop are one quote with what follows them, as the document writes them: a label and its value
 * ("Laatste update:⏎24 februari 2024"), a title and its byline, a list and its items.
 */
export function quoteUnits(units: readonly ScoredUnit[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const { unit } of units) {
    for (const [first, last] of quotedSpans(unitSentences(unit).map((sentence) => sentence.sentence.text))) {
      const quoted = unit.sources.map((source) => {
        const quote = textBetween(source.passage.passage, source.sentences[first]!, source.sentences[last]!);
        const made = citation(citations.length + 1, source.passage.passage, quote);
        citations.push(made);
        return made;
      });
      parts.push(`${quoted[0]!.quote} ${quoted.map((made) => `[${made.n}]`).join(' ')}`);
    }
  }
  return { text: parts.join(' '), citations };
}

const ENDS_SENTENCE = /[.!?]["'”’)]*$/;

/** [first, last] index of each quote: a sentence, with the ones after it while it ends without a full stop. */
function quotedSpans(texts: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  let first = 0;
  texts.forEach((text, i) => {
    if (ENDS_SENTENCE.test(text) || i === texts.length - 1) {
      spans.push([first, i]);
      first = i + 1;
    }
  });
  return spans;
}

/** The served text from the start of one sentence of a passage to the end of a later one. */
function textBetween(passage: PassageRecord, first: SentenceEvidence, last: SentenceEvidence): Sentence {
  const { start } = first.sentence;
  const { end } = last.sentence;
  return { start, end, text: passage.text.slice(start - passage.start, end - passage.start) };
}

/** The extractive answer: the verdict's units, quoted. */
export function extractiveResponse(assessment: Assessment, passages: Passage[]): AskResponse {
  if (!assessment.answerable || assessment.answer.length === 0) return notFound(passages, 'extractive');
  const { text, citations } = quoteUnits(assessment.answer);
  return answered(assessment, text, 'extractive', citations, passages);
}

/** An answer, framed as partial when the evidence holds only part of the question. */
export function answered(assessment: Assessment, text: string, mode: AnswerMode, citations: Citation[], passages: Passage[]): AskResponse {
  const partial = assessment.verdict === 'partial';
  return { answered: true, answer: partial ? `${messages.partialAnswer} ${text}` : text, mode, confidence: partial ? 'partial' : 'high', citations, passages };
}
