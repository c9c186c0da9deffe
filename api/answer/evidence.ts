// Measures how much of a question the retrieved passages and their sentences cover: the
// evidence both the answer-or-decline decision and the extractive answer are built on.
import { sectionAt } from '../ingest/find-sections.js';
import type { Alternative, DutchAnalyzer } from '../language/dutch-analyzer.js';
import type { WeightedConcept } from '../retrieve/concept-weights.js';
import type { RetrievedPassage } from '../retrieve/retriever.js';
import type { PassageRecord } from '../store/store.js';
import { splitSentences, type Sentence } from './sentences.js';

/** How much a concept found only in the section heading counts for a sentence under it. */
const SECTION_CREDIT = 0.5;

export interface SentenceEvidence {
  sentence: Sentence;
  passage: RetrievedPassage;
  /** 0-based rank of the passage in the retrieval. */
  rank: number;
  section: string | null;
  /** IDF-weighted share of the question's concepts in the sentence (its heading at half credit). */
  coverage: number;
  /** Indexes of the concepts the sentence covers. */
  covered: Set<number>;
}

export interface PassageEvidence {
  passage: RetrievedPassage;
  rank: number;
  /** IDF-weighted share of the question's concepts in the passage and its section heading. */
  coverage: number;
}

/** The section a position inside a passage falls under: the last heading before it. */
export function sectionOf(passage: Pick<PassageRecord, 'section' | 'headings'>, offset: number): string | null {
  return sectionAt(passage.headings, offset) ?? passage.section;
}

export function passageEvidence(passages: readonly RetrievedPassage[], concepts: readonly WeightedConcept[], analyzer: DutchAnalyzer): PassageEvidence[] {
  return passages.map((passage, rank) => {
    const { text, section } = passage.passage;
    const heading = section && !text.startsWith(section) ? section : '';
    const terms = new Set([...analyzer.indexTerms(text), ...analyzer.indexTerms(heading)]);
    return { passage, rank, coverage: coverage(concepts, terms).share };
  });
}

export function sentenceEvidence(passages: readonly RetrievedPassage[], concepts: readonly WeightedConcept[], analyzer: DutchAnalyzer): SentenceEvidence[] {
  const evidence: SentenceEvidence[] = [];
  passages.forEach((passage, rank) => {
    const headingTerms = new Map<string | null, Set<string>>();
    const { text, start } = passage.passage;
    for (const sentence of splitSentences(text, start)) {
      const section = sectionOf(passage.passage, sentence.start);
      if (sentence.text === section) continue; // a heading is not an answer
      // A sentence under "Handvest Overheid en burger" is about the Handvest, though it does not say so.
      if (!headingTerms.has(section)) headingTerms.set(section, new Set(analyzer.indexTerms(section ?? '')));
      const { share, covered } = coverage(concepts, new Set(analyzer.indexTerms(sentence.text)), headingTerms.get(section));
      evidence.push({ sentence, passage, rank, section, coverage: share, covered });
    }
  });
  return evidence;
}

/** The weighted share of concepts present in `terms` (and, at reduced credit, in `headingTerms`). */
export function coverage(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, headingTerms?: ReadonlySet<string>): { share: number; covered: Set<number> } {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0) || 1;
  const covered = new Set<number>();
  let share = 0;
  concepts.forEach((concept, c) => {
    const match = Math.max(0, ...concept.alternatives.map((alternative) => matchOf(alternative, terms, headingTerms)));
    if (match > 0) covered.add(c);
    share += (concept.weight * match) / total;
  });
  return { share, covered };
}

function matchOf(alternative: Alternative, terms: ReadonlySet<string>, headingTerms?: ReadonlySet<string>): number {
  const inText = fraction(alternative.terms, terms);
  const inHeading = headingTerms ? SECTION_CREDIT * fraction(alternative.terms, headingTerms) : 0;
  return alternative.weight * Math.max(inText, inHeading);
}

function fraction(terms: readonly string[], present: ReadonlySet<string>): number {
  return terms.filter((term) => present.has(term)).length / terms.length;
}
