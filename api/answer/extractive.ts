// Composes the default, extractive answer: the sentences of the retrieved passages that best
// cover the question, verbatim and each with its citation. When the best passage does not
// cover the question well enough, the answer says so instead of stitching fragments together.
import { sectionOf } from '../chunk/chunk-document.js';
import { citationUrl, type Citation } from '../contract.js';
import type { Concept, DutchAnalyzer } from '../language/dutch-analyzer.js';
import type { RetrievedPassage } from '../retrieve/retriever.js';
import { splitSentences, type Sentence } from './sentences.js';

export interface AnswerThresholds {
  /** Minimum IDF-weighted share of the question's concepts in the best passage. */
  minPassageCoverage: number;
  /** Minimum share in the best sentence. */
  minSentenceCoverage: number;
}

export const DEFAULT_THRESHOLDS: AnswerThresholds = { minPassageCoverage: 0.4, minSentenceCoverage: 0.35 };

export interface ExtractiveAnswer {
  answered: boolean;
  /** Coverage of the question by the best sentence, before rank weighting (for calibration). */
  bestSentenceCoverage: number;
  sentences: { quote: Sentence; passage: RetrievedPassage }[];
}

interface Candidate {
  sentence: Sentence;
  passage: RetrievedPassage;
  rank: number;
  /** Share of the question's concepts in this sentence, IDF-weighted. */
  coverage: number;
  /** Coverage weighted by how well its passage covers the question, and by passage rank. */
  score: number;
  covered: Set<number>;
}

const PASSAGES_CONSIDERED = 4;
const MAX_SENTENCES = 3;
const MAX_LIST_ITEMS = 4;
const SHORT_SENTENCE_WORDS = 12;
const FRAGMENT_WORDS = 6;
/** How much a concept found only in the section heading counts for a sentence under it. */
const SECTION_CREDIT = 0.5;
const ELABORATION = /^(Bijvoorbeeld|Zoals|Denk (hierbij |daarbij )?aan|Zo |Of |Onder andere|Dit kan|Hierbij|Daarbij)/;

export function composeExtractive(
  passages: readonly RetrievedPassage[],
  concepts: readonly Concept[],
  analyzer: DutchAnalyzer,
  conceptWeight: (concept: Concept) => number,
  thresholds: AnswerThresholds = DEFAULT_THRESHOLDS,
): ExtractiveAnswer {
  const best = Math.max(0, ...passages.map((passage) => passage.coverage));
  if (passages.length === 0 || concepts.length === 0 || best < thresholds.minPassageCoverage) return { answered: false, bestSentenceCoverage: 0, sentences: [] };

  const weights = concepts.map(conceptWeight);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const candidates: Candidate[] = [];
  passages.slice(0, PASSAGES_CONSIDERED).forEach((passage, rank) => {
    const headingTerms = new Map<string | null, Set<string>>();
    for (const sentence of splitSentences(passage.chunk.text, passage.chunk.start)) {
      const section = sectionOf(passage.chunk, sentence.start);
      if (sentence.text === section) continue; // a heading is not an answer
      // A sentence under "Handvest Overheid en burger" is about the Handvest, though it does not say so.
      if (!headingTerms.has(section)) headingTerms.set(section, new Set(analyzer.indexTerms(section ?? '')));
      const sectionTerms = headingTerms.get(section)!;
      const terms = new Set(analyzer.indexTerms(sentence.text));
      const covered = new Set<number>();
      let coverage = 0;
      concepts.forEach((concept, c) => {
        const match = Math.max(0, ...concept.alternatives.map((alt) => alt.weight * Math.max(share(alt.terms, terms), SECTION_CREDIT * share(alt.terms, sectionTerms))));
        if (match > 0) covered.add(c);
        coverage += (weights[c]! * match) / totalWeight;
      });
      const brevityPenalty = sentence.text.split(' ').length < 4 ? 0.5 : 1;
      // A sentence from a passage that covers the question well is likelier to be on topic.
      const passageFactor = 0.5 + (0.5 * passage.coverage) / best;
      candidates.push({ sentence, passage, rank, covered, coverage, score: coverage * brevityPenalty * passageFactor * (1 - 0.05 * rank) });
    }
  });

  // Headings, bylines and other fragments only enter an answer as items of a list it introduces.
  const ranked = candidates.filter((candidate) => !isFragment(candidate.sentence)).sort((a, b) => b.score - a.score || a.rank - b.rank || a.sentence.start - b.sentence.start);
  const top = ranked[0];
  const bestSentenceCoverage = Math.max(0, ...candidates.map((candidate) => candidate.coverage));
  if (!top || bestSentenceCoverage < thresholds.minSentenceCoverage) return { answered: false, bestSentenceCoverage, sentences: [] };

  const chosen: Candidate[] = [top];
  const covered = new Set(top.covered);
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < top.score * 0.6) break;
    if (chosen.some((other) => overlaps(other, candidate))) continue;
    const addsConcept = [...candidate.covered].some((c) => !covered.has(c));
    if (!addsConcept && candidate.score < top.score * 0.85) continue;
    chosen.push(candidate);
    candidate.covered.forEach((c) => covered.add(c));
  }

  const withContext: Candidate[] = [];
  for (const candidate of chosen) {
    for (const sentence of [...exampleContext(candidate, candidates), candidate, ...listItemsAfter(candidate, candidates), ...elaborationAfter(candidate, candidates, candidate === top)]) {
      if (!withContext.some((other) => overlaps(other, sentence))) withContext.push(sentence);
    }
  }
  withContext.sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);
  return { answered: true, bestSentenceCoverage, sentences: withContext.map(({ sentence, passage }) => ({ quote: sentence, passage })) };
}

/** Sentences that follow `candidate` in its passage, in document order. */
function following(candidate: Candidate, candidates: readonly Candidate[]): Candidate[] {
  return candidates
    .filter((other) => other.passage === candidate.passage && other.sentence.start > candidate.sentence.start)
    .sort((a, b) => a.sentence.start - b.sentence.start);
}

function gapBetween(passage: RetrievedPassage, from: number, to: number): string {
  return passage.chunk.text.slice(from - passage.chunk.start, to - passage.chunk.start);
}

/** An example ("Bijvoorbeeld met een Doe-Mee-Pas …") needs the sentence it is an example of. */
function exampleContext(candidate: Candidate, candidates: readonly Candidate[]): Candidate[] {
  if (!ELABORATION.test(candidate.sentence.text)) return [];
  const before = candidates
    .filter((other) => other.passage === candidate.passage && other.sentence.end <= candidate.sentence.start)
    .sort((a, b) => b.sentence.start - a.sentence.start)[0];
  if (!before || gapBetween(candidate.passage, before.sentence.end, candidate.sentence.start).includes('\n')) return [];
  return [before];
}

function share(terms: readonly string[], present: ReadonlySet<string>): number {
  return terms.filter((term) => present.has(term)).length / terms.length;
}

function isFragment(sentence: Sentence): boolean {
  return !/[.!?:;]["'”’)]*$/.test(sentence.text) && sentence.text.split(/\s+/).length < FRAGMENT_WORDS;
}

/**
 * The sentence after a chosen one often carries the substance: its examples ("Bijvoorbeeld met
 * een Doe-Mee-Pas …") or, after a one-line definition, its explanation. It joins the answer when
 * it is in the same paragraph and elaborates, or follows the best sentence when that is short.
 */
function elaborationAfter(candidate: Candidate, candidates: readonly Candidate[], isBest: boolean): Candidate[] {
  const next = following(candidate, candidates)[0];
  if (!next || gapBetween(candidate.passage, candidate.sentence.end, next.sentence.start).includes('\n')) return [];
  const elaborates = ELABORATION.test(next.sentence.text);
  const shortDefinition = isBest && candidate.sentence.text.split(' ').length <= SHORT_SENTENCE_WORDS;
  return elaborates || shortDefinition ? [next] : [];
}

/**
 * A sentence that introduces a list ("zoals:") brings the items that follow it in its passage,
 * up to the end of the list: the first paragraph break after at least one item.
 */
function listItemsAfter(intro: Candidate, candidates: readonly Candidate[]): Candidate[] {
  if (!intro.sentence.text.endsWith(':')) return [];
  const items: Candidate[] = [];
  let previousEnd = intro.sentence.end;
  for (const candidate of following(intro, candidates)) {
    const gap = gapBetween(intro.passage, previousEnd, candidate.sentence.start);
    if ((gap.includes('\n\n') && items.length > 0) || items.length >= MAX_LIST_ITEMS) break;
    items.push(candidate);
    previousEnd = candidate.sentence.end;
  }
  return items;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.passage.chunk.documentId === b.passage.chunk.documentId && a.sentence.start < b.sentence.end && b.sentence.start < a.sentence.end;
}

export function toCitations(answer: ExtractiveAnswer, titleOf: (documentId: string) => string): { text: string; citations: Citation[] } {
  const citations = answer.sentences.map(({ quote, passage }, i) => ({
    n: i + 1,
    passageId: passage.chunk.id,
    documentId: passage.chunk.documentId,
    title: titleOf(passage.chunk.documentId),
    section: sectionOf(passage.chunk, quote.start),
    quote: quote.text,
    start: quote.start,
    end: quote.end,
    url: citationUrl(passage.chunk.documentId, quote.start, quote.end),
  }));
  return { text: citations.map((citation) => `${citation.quote} [${citation.n}]`).join(' '), citations };
}
