// What the fitted passage ranker sees of a first-stage candidate: ranks and ratios, never raw
// BM25 scores or lengths, so the weights carry over to a collection of another size and subject.
import type { FeatureValues } from '../learn/linear-model.js';
import type { PassageEvidence } from './evidence.js';

export const PASSAGE_FEATURES = [
  /** 1 − BM25 rank / candidates: the first-stage ranking. */
  'lexicalPlace',
  /** 1 − rank by focus / candidates: the ranking by local evidence. */
  'focusPlace',
  /** Best weighted share of the question held by one sentence or two adjacent ones. */
  'focus',
  /** Weighted share of the question the passage's heading and document title hold. */
  'contextCoverage',
  /** A name, acronym, number or quoted title of the question is missing from passage, heading and title. */
  'anchorMissing',
] as const;

export type PassageFeatureName = (typeof PASSAGE_FEATURES)[number];

export interface CandidateSignals {
  /** 0-based rank in the lexical (BM25) ranking, or null when only dense retrieval found it. */
  lexicalRank: number | null;
  evidence: PassageEvidence;
}

/** Features of every candidate of one question, relative to the others where a ratio says more than a value. */
export function passageFeatures(candidates: readonly CandidateSignals[]): FeatureValues<PassageFeatureName>[] {
  const byFocus = candidates.map((candidate, i) => ({ focus: candidate.evidence.focus, i })).sort((a, b) => b.focus - a.focus || a.i - b.i);
  const focusRank = new Map(byFocus.map((entry, rank) => [entry.i, rank]));
  const n = Math.max(1, candidates.length);
  return candidates.map(({ lexicalRank, evidence }, i) => ({
    lexicalPlace: lexicalRank === null ? 0 : Math.max(0, 1 - lexicalRank / n),
    focusPlace: 1 - focusRank.get(i)! / n,
    focus: evidence.focus,
    contextCoverage: evidence.contextCoverage,
    anchorMissing: evidence.anchorsMissing.length > 0 ? 1 : 0,
  }));
}
