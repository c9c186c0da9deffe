// Decides whether the documents answer a question: a stage of its own, on named signals, before
// any answer is composed. Both answer modes stand on its verdict.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { passageEvidence, sentenceEvidence, type SentenceEvidence } from './evidence.js';

/**
 * Thresholds on IDF-weighted coverage. They sit between the answerable development questions
 * (best passage coverage ≥ 0.47) and the unanswerable ones (≤ 0.20).
 */
export const ANSWERABILITY = {
  minPassageCoverage: 0.4,
  minSentenceCoverage: 0.35,
  /** Passages whose sentences are weighed as answer material. */
  passagesConsidered: 4,
} as const;

export interface AnswerabilitySignals {
  /** Best share of the question found in one passage (with its section heading). */
  passageCoverage: number;
  /** Best share of the question found in one sentence (its heading at half credit). */
  sentenceCoverage: number;
}

export interface Assessment {
  answerable: boolean;
  signals: AnswerabilitySignals;
  /** The sentences of the leading passages, with their coverage: what an answer is composed from. */
  sentences: SentenceEvidence[];
  /** Passage coverage by rank, for ordering sentences. */
  passageCoverage: number[];
}

export function assessAnswerability(retrieval: Retrieval, analyzer: DutchAnalyzer): Assessment {
  const { concepts } = retrieval.question;
  const passages = passageEvidence(retrieval.passages, concepts, analyzer);
  const passageCoverage = Math.max(0, ...passages.map((passage) => passage.coverage));
  if (concepts.length === 0 || passageCoverage < ANSWERABILITY.minPassageCoverage) {
    return { answerable: false, signals: { passageCoverage, sentenceCoverage: 0 }, sentences: [], passageCoverage: passages.map((passage) => passage.coverage) };
  }
  const sentences = sentenceEvidence(retrieval.passages.slice(0, ANSWERABILITY.passagesConsidered), concepts, analyzer);
  const sentenceCoverage = Math.max(0, ...sentences.map((evidence) => evidence.coverage));
  return {
    answerable: sentenceCoverage >= ANSWERABILITY.minSentenceCoverage,
    signals: { passageCoverage, sentenceCoverage },
    sentences,
    passageCoverage: passages.map((passage) => passage.coverage),
  };
}
