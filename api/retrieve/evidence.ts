// Measures how much of a question a passage and its sentences hold: the evidence that re-ranks
// retrieval, decides whether to answer, and is what an extractive answer is composed from.

import { sectionAt } from '../ingest/find-sections.js';
import type { Alternative, DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { type Sentence, splitSentences } from '../language/sentences.js';
import { words } from '../language/words.js';
import type { PassageRecord } from '../store/store.js';
import type { WeightedConcept } from './concept-weights.js';

/**
 * How much a concept found only in the section heading or the document title counts: a sentence
 * under "Handvest Overheid en burger" is about the Handvest, but does not say so itself.
 */
const CONTEXT_CREDIT = 0.5;
/** Words shorter than this that end without punctuation are headings, bylines or debris. */
const FRAGMENT_WORDS = 6;

export type SentenceKind = 'statement' | 'question' | 'fragment';

export interface SentenceEvidence {
  sentence: Sentence;
  passage: PassageRecord;
  section: string | null;
  kind: SentenceKind;
  /** Weighted share of the question's concepts in the sentence (heading and title at reduced credit). */
  coverage: number;
  /** Indexes of the concepts the sentence covers. */
  covered: Set<number>;
  terms: ReadonlySet<string>;
}

export interface PassageEvidence {
  /** Weighted share of the question's concepts in the passage (heading and title at reduced credit). */
  coverage: number;
  /** Best weighted share held by one sentence or two adjacent ones: local, not scattered, evidence. */
  focus: number;
  /** The sentence (or first of the pair) where that focus lies. */
  focusAt: SentenceEvidence | null;
  /** Anchors of the question (names, acronyms, numbers) the passage, its heading and title lack. */
  anchorsMissing: string[];
  sentences: SentenceEvidence[];
}

/** The section a position inside a passage falls under: the last heading before it. */
export function sectionOf(passage: Pick<PassageRecord, 'section' | 'headings'>, offset: number): string | null {
  return sectionAt(passage.headings, offset) ?? passage.section;
}

/** What a passage is made of, whatever the question: its sentences and their terms. Computed once per passage. */
export interface AnalysedPassage {
  record: PassageRecord;
  sentences: { sentence: Sentence; section: string | null; kind: SentenceKind; terms: ReadonlySet<string> }[];
  /** The passage's own terms, as the index holds them: its text and the heading it falls under. */
  terms: ReadonlySet<string>;
  /** Terms of each section heading (with the document title) the passage's sentences fall under. */
  contexts: ReadonlyMap<string | null, ReadonlySet<string>>;
}

export function analysePassage(record: PassageRecord, analyzer: DutchAnalyzer): AnalysedPassage {
  const titleTerms = analyzer.indexTerms(record.documentTitle);
  const contexts = new Map<string | null, Set<string>>();
  const contextOf = (section: string | null) => {
    if (!contexts.has(section)) contexts.set(section, new Set([...analyzer.indexTerms(section ?? ''), ...titleTerms]));
  };
  contextOf(record.section);
  const terms = new Set(record.section && !record.text.startsWith(record.section) ? analyzer.indexTerms(record.section) : []);
  const sentences: AnalysedPassage['sentences'] = [];
  for (const sentence of splitSentences(record.text, record.start)) {
    const sentenceTerms = new Set(analyzer.indexTerms(sentence.text));
    for (const term of sentenceTerms) terms.add(term);
    const section = sectionOf(record, sentence.start);
    if (sentence.text === section) continue; // a heading is context, not a sentence of the answer
    contextOf(section);
    sentences.push({ sentence, section, kind: kindOf(sentence.text), terms: sentenceTerms });
  }
  return { record, sentences, terms, contexts };
}

/** How much of the question the passage and its sentences hold. */
export function passageEvidence(passage: AnalysedPassage, concepts: readonly WeightedConcept[]): PassageEvidence {
  const { record, contexts } = passage;
  const contextOf = (section: string | null) => contexts.get(section) ?? new Set<string>();
  const sentences: SentenceEvidence[] = passage.sentences.map(({ sentence, section, kind, terms }) => {
    const { share, covered } = coverage(concepts, terms, contextOf(section));
    return { sentence, passage: record, section, kind, coverage: share, covered, terms };
  });
  const context = contextOf(record.section);
  const { focus, focusAt } = bestWindow(sentences, concepts, record, contextOf);
  return {
    coverage: coverage(concepts, passage.terms, context).share,
    focus,
    focusAt,
    anchorsMissing: concepts.filter((concept) => concept.anchor && !holdsAnchor(concept, passage.terms, context, record)).map((concept) => concept.surface),
    sentences,
  };
}

/** The weighted share of concepts present in `terms` (and, at reduced credit, in `contextTerms`). */
export function coverage(
  concepts: readonly WeightedConcept[],
  terms: ReadonlySet<string>,
  contextTerms?: ReadonlySet<string>,
): { share: number; covered: Set<number> } {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0) || 1;
  const covered = new Set<number>();
  let share = 0;
  concepts.forEach((concept, c) => {
    const match = Math.max(0, ...concept.alternatives.map((alternative) => matchOf(alternative, terms, contextTerms)));
    if (match > 0) covered.add(c);
    share += (concept.weight * match) / total;
  });
  return { share, covered };
}

/** Two adjacent sentences of one paragraph often answer together: "Wat is X? X is … Het doel is …". */
function bestWindow(
  sentences: readonly SentenceEvidence[],
  concepts: readonly WeightedConcept[],
  record: PassageRecord,
  contextOf: (section: string | null) => ReadonlySet<string>,
): { focus: number; focusAt: SentenceEvidence | null } {
  let focus = 0;
  let focusAt: SentenceEvidence | null = null;
  sentences.forEach((evidence, i) => {
    if (evidence.kind === 'question') return;
    let share = evidence.coverage;
    const next = sentences[i + 1];
    if (next && next.kind !== 'question' && !record.text.slice(evidence.sentence.end - record.start, next.sentence.start - record.start).includes('\n\n')) {
      const together = coverage(concepts, new Set([...evidence.terms, ...next.terms]), contextOf(evidence.section));
      share = Math.max(share, together.share);
    }
    if (share > focus) {
      focus = share;
      focusAt = evidence;
    }
  });
  return { focus, focusAt };
}

function holdsAnchor(concept: WeightedConcept, terms: ReadonlySet<string>, context: ReadonlySet<string>, record: PassageRecord): boolean {
  const present = (term: string) => terms.has(term) || context.has(term);
  if (concept.alternatives.some((alternative) => alternative.terms.every(present))) return true;
  return /^\p{Lu}{2,}$/u.test(concept.surface) && spellsOut(concept.surface, record.text);
}

/** Whether `text` writes the acronym out: "SCP" in "Sociaal en Cultureel Planbureau". */
export function spellsOut(acronym: string, text: string): boolean {
  const letters = [...acronym.toLowerCase()];
  const capitalised = words(text).map((word) => ({ initial: foldWord(word[0] ?? ''), capital: /^\p{Lu}/u.test(word) }));
  for (let start = 0; start < capitalised.length; start++) {
    let at = start;
    let matched = 0;
    let skipped = 0;
    while (at < capitalised.length && matched < letters.length) {
      const word = capitalised[at]!;
      if (word.capital && word.initial === letters[matched]) {
        matched++;
        skipped = 0;
      } else if (matched === 0 || word.capital || ++skipped > 1) {
        break; // between the words of a name only a short lowercase word ("en", "voor") may stand
      }
      at++;
    }
    if (matched === letters.length) return true;
  }
  return false;
}

function kindOf(text: string): SentenceKind {
  if (/\?["'”’)]*$/.test(text)) return 'question';
  if (!/[.!:;]["'”’)]*$/.test(text) && text.split(/\s+/).length < FRAGMENT_WORDS) return 'fragment';
  return 'statement';
}

function matchOf(alternative: Alternative, terms: ReadonlySet<string>, contextTerms?: ReadonlySet<string>): number {
  const inText = partsFraction(alternative, terms);
  const inContext = contextTerms ? CONTEXT_CREDIT * partsFraction(alternative, contextTerms) : 0;
  return alternative.weight * Math.max(inText, inContext);
}

/**
 * A compound's parts count only with its head, the last part, which says what the thing is:
 * "draaitabel" is a kind of table; a passage on something "draaiende" holds none of it.
 */
function partsFraction(alternative: Alternative, present: ReadonlySet<string>): number {
  if (alternative.kind === 'parts' && !present.has(alternative.terms.at(-1)!)) return 0;
  return fraction(alternative.terms, present);
}

function fraction(terms: readonly string[], present: ReadonlySet<string>): number {
  return terms.filter((term) => present.has(term)).length / terms.length;
}
