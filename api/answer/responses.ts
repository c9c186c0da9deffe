// Builds the API's answer shapes from a retrieval: the passages shown beside every answer, the
// honest "not found", and the extractive answer with its numbered citations.
import type { AnswerMode, AskResponse, Citation, Passage } from '../contract.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { messages } from '../messages.js';
import type { Retrieval } from '../retrieve/retriever.js';
import type { Assessment } from './answerability.js';
import { citation } from './citations.js';
import { composeExtractive } from './extractive.js';

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
  }));
}

export function notFound(passages: Passage[], mode: AnswerMode): AskResponse {
  return { answered: false, answer: passages.length > 0 ? messages.notFound : messages.notFoundNoPassages, mode, citations: [], passages };
}

/** The answer text: each quote followed by its marker, "Zin. [1] Volgende zin. [2]". */
export function withMarkers(citations: readonly Citation[]): string {
  return citations.map((entry) => `${entry.quote} [${entry.n}]`).join(' ');
}

export function extractiveResponse(assessment: Assessment, analyzer: DutchAnalyzer, passages: Passage[]): AskResponse {
  const sentences = composeExtractive(assessment, analyzer);
  if (sentences.length === 0) return notFound(passages, 'extractive');
  const citations = sentences.map((evidence, i) => citation(i + 1, evidence.passage, evidence.sentence));
  return answered(assessment, withMarkers(citations), 'extractive', citations, passages);
}

/** An answer, framed as partial when the evidence holds only part of the question. */
export function answered(assessment: Assessment, text: string, mode: AnswerMode, citations: Citation[], passages: Passage[]): AskResponse {
  const partial = assessment.verdict === 'partial';
  return { answered: true, answer: partial ? `${messages.partialAnswer} ${text}` : text, mode, confidence: partial ? 'partial' : 'high', citations, passages };
}
