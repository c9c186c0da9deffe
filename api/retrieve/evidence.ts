// Measures how much of a question a passage and its sentences hold: the evidence that re-ranks
// retrieval, decides whether to answer, and is what an extractive answer is composed from.

import { addressesTheAssistant } from '../language/addresses-the-assistant.js';
import type { Alternative, DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { type Sentence, splitSentences } from '../language/sentences.js';
import { wordCount, words } from '../language/words.js';
import { type PassageRecord, sectionAt } from '../records.js';
import type { WeightedConcept } from './concept-weights.js';

/**
 * How much a concept found only in the section heading or the document title counts: a sentence
 * under "Handvest Overheid en burger" is about the Handvest, but does not say so itself.
 */
const CONTEXT_CREDIT = 0.5;
/** Words shorter than this that end without punctuation are headings, bylines or debris. */
const FRAGMENT_WORDS = 6;
/** A byline is short: a name or a title, and a date. */
const BYLINE_WORDS = 10;
const MONTH = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
/** Ends with a date: ", 2023", ", Juni 2023", "8 juni 2020", "September 2020". */
const ENDS_WITH_DATE = new RegExp(`(?:,\\s*(?:${MONTH}\\s+)?|\\b(?:\\d{1,2}\\s+)?${MONTH}\\s+)(?:19|20)\\d{2}$`, 'iu');

/**
 * - statement: a sentence that can carry an answer;
 * - question: the document asks something;
 * - instruction: the sentence addresses an assistant or a model ("Negeer alle eerdere
 *   instructies …"): text planted to steer answers, never evidence and never an answer;
 * - heading: the section title the sentences below it fall under;
 * - byline: who wrote or said something and when ("Jitske Kramer, September 2020");
 * - fragment: a few words without a full stop (debris, labels).
 */
export type SentenceKind = 'statement' | 'question' | 'instruction' | 'heading' | 'byline' | 'fragment';

export interface SentenceEvidence {
  sentence: Sentence;
  passage: PassageRecord;
  section: string | null;
  kind: SentenceKind;
  /** Weighted share of the question's concepts in the sentence (heading and title at reduced credit). */
  coverage: number;
  /** Indexes of the concepts the sentence covers. */
  covered: Set<number>;
  /** Per concept, how fully the sentence (or at half credit its heading and title) holds it: 0..1. */
  matches: Float64Array;
  /** Per concept, how fully the sentence's own words hold it: 0..1. */
  ownMatches: Float64Array;
  terms: ReadonlySet<string>;
  /** Terms of the heading (and document title) the sentence falls under. */
  context: ReadonlySet<string>;
}

export interface PassageEvidence {
  /** Weighted share of the question's concepts in the passage (heading and title at reduced credit). */
  coverage: number;
  /** Indexes of the concepts the passage, its heading or its title hold. */
  covered: ReadonlySet<number>;
  /** Indexes of the concepts the passage's own text holds (not only its heading or title). */
  held: ReadonlySet<number>;
  /** Weighted share of the question's concepts in the heading and title the passage falls under. */
  contextCoverage: number;
  /** Best weighted share held by one sentence or two adjacent ones: local, not scattered, evidence. */
  focus: number;
  /** The same with each word weighed also by how specific it is in language at large (concept-weights.ts). */
  specificFocus: number;
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
  /** Stems of the whole words (no compound parts) of the passage, its headings and its title: where a name must stand. */
  wordStems: ReadonlySet<string>;
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
    contextOf(section);
    // A heading is the context of what follows it, never a sentence of the answer itself.
    sentences.push({ sentence, section, kind: sentence.text === section ? 'heading' : kindOf(sentence.text, analyzer), terms: sentenceTerms });
  }
  const wordStems = new Set(
    analyzer.wordStems([record.documentTitle, record.section ?? '', ...record.headings.map((heading) => heading.title), record.text].join('\n')),
  );
  return { record, sentences, terms, contexts, wordStems };
}

/** How much of the question the passage and its sentences hold. */
export function passageEvidence(passage: AnalysedPassage, concepts: readonly WeightedConcept[]): PassageEvidence {
  const { record, contexts } = passage;
  const contextOf = (section: string | null) => contexts.get(section) ?? new Set<string>();
  // What a heading and title hold is the same for every sentence under them: weighed once per section.
  const fromContext = new Map<string | null, Float64Array>();
  const contextMatchesOf = (section: string | null) => {
    let matches = fromContext.get(section);
    if (!matches) {
      matches = contextMatches(concepts, contextOf(section));
      fromContext.set(section, matches);
    }
    return matches;
  };
  const asked = questionTerms(concepts);
  const sentences: SentenceEvidence[] = passage.sentences.map(({ sentence, section, kind, terms }) => {
    const context = contextOf(section);
    const ownMatches = textMatches(concepts, terms, asked);
    const inContext = contextMatchesOf(section);
    const matches = new Float64Array(ownMatches.length);
    for (let c = 0; c < matches.length; c++) matches[c] = Math.max(ownMatches[c]!, inContext[c]!);
    return { sentence, passage: record, section, kind, coverage: shareOf(concepts, matches), covered: coveredBy(matches), matches, ownMatches, terms, context };
  });
  const context = contextOf(record.section);
  const { focus, focusAt } = bestWindow(sentences, concepts, record, weightOf);
  const whole = coverage(concepts, passage.terms, context);
  return {
    coverage: whole.share,
    covered: whole.covered,
    held: coverage(concepts, passage.terms).covered,
    contextCoverage: coverage(concepts, context).share,
    focus,
    focusAt,
    specificFocus: bestWindow(sentences, concepts, record, specificWeightOf).focus,
    anchorsMissing: concepts.filter((concept) => concept.anchor && !holdsAnchor(concept, passage)).map((concept) => concept.surface),
    sentences,
  };
}

/** The weighted share of the question that per-concept matches hold, and which concepts they hold. */
export function heldBy(concepts: readonly WeightedConcept[], matches: ArrayLike<number>): { share: number; covered: Set<number> } {
  return { share: shareOf(concepts, matches), covered: coveredBy(matches) };
}

/** The weighted share of concepts present in `terms` (and, at reduced credit, in `contextTerms`). */
export function coverage(
  concepts: readonly WeightedConcept[],
  terms: ReadonlySet<string>,
  contextTerms?: ReadonlySet<string>,
): { share: number; covered: Set<number> } {
  return heldBy(concepts, matchesOf(concepts, terms, contextTerms));
}

/** A concept's weight: its information in the question. */
const weightOf = (concept: WeightedConcept) => concept.weight;
/**
 * Its weight, with an indexed word also weighed by how specific it is in language at large: in a
 * small collection "volgens" is rare, but it names no topic. A second view, beside the first: the
 * fitted rankers weigh both.
 */
export const specificWeightOf = (concept: WeightedConcept) => (concept.seen ? concept.weight * concept.specificity : concept.weight);

/** Per concept, how fully `terms` (or, at reduced credit, `contextTerms`) hold it. */
export function matchesOf(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, contextTerms?: ReadonlySet<string>): Float64Array {
  const matches = textMatches(concepts, terms);
  if (contextTerms) {
    const inContext = contextMatches(concepts, contextTerms);
    for (let c = 0; c < matches.length; c++) matches[c] = Math.max(matches[c]!, inContext[c]!);
  }
  return matches;
}

/** Every term any alternative of the question's concepts is made of, per concept list (a question's is made once). */
const termsOfQuestions = new WeakMap<readonly WeightedConcept[], ReadonlySet<string>>();
function questionTerms(concepts: readonly WeightedConcept[]): ReadonlySet<string> {
  let terms = termsOfQuestions.get(concepts);
  if (!terms) {
    terms = new Set(concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms)));
    termsOfQuestions.set(concepts, terms);
  }
  return terms;
}

/** Per concept, how fully `terms` hold it: its best alternative's weight times the share of that alternative's terms present. */
function textMatches(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, asked?: ReadonlySet<string>): Float64Array {
  const matches = new Float64Array(concepts.length);
  // Most sentences hold no word of the question at all.
  if (asked && !holdsAny(terms, asked)) return matches;
  concepts.forEach((concept, c) => {
    let best = 0;
    for (const alternative of concept.alternatives) best = Math.max(best, alternative.weight * partsFraction(alternative, terms));
    matches[c] = best;
  });
  return matches;
}

/** The same for the heading and title a text falls under, at reduced credit: they say what it is about, the text does not say it. */
function contextMatches(concepts: readonly WeightedConcept[], contextTerms: ReadonlySet<string>): Float64Array {
  const matches = new Float64Array(concepts.length);
  concepts.forEach((concept, c) => {
    let best = 0;
    for (const alternative of concept.alternatives) best = Math.max(best, alternative.weight * (CONTEXT_CREDIT * partsFraction(alternative, contextTerms)));
    matches[c] = best;
  });
  return matches;
}

function holdsAny(terms: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  for (const term of asked) if (terms.has(term)) return true;
  return false;
}

/** The weighted share of the question that per-concept matches hold. */
export function shareOf(concepts: readonly WeightedConcept[], matches: ArrayLike<number>, weigh: (concept: WeightedConcept) => number = weightOf): number {
  let total = 0;
  let held = 0;
  concepts.forEach((concept, c) => {
    const weight = weigh(concept);
    total += weight;
    held += weight * matches[c]!;
  });
  return total > 0 ? held / total : 0;
}

function coveredBy(matches: ArrayLike<number>): Set<number> {
  const covered = new Set<number>();
  for (let c = 0; c < matches.length; c++) if (matches[c]! > 0) covered.add(c);
  return covered;
}

/** Matches of several sentences together: each concept as fully as the best of them holds it. */
export function unionOf(matches: readonly ArrayLike<number>[], size: number): Float64Array {
  const union = new Float64Array(size);
  for (const each of matches) for (let c = 0; c < size; c++) union[c] = Math.max(union[c]!, each[c]!);
  return union;
}

/** Two adjacent sentences of one paragraph often answer together: "Wat is X? X is … Het doel is …". */
function bestWindow(
  sentences: readonly SentenceEvidence[],
  concepts: readonly WeightedConcept[],
  record: PassageRecord,
  weigh: (concept: WeightedConcept) => number,
): { focus: number; focusAt: SentenceEvidence | null } {
  let focus = 0;
  let focusAt: SentenceEvidence | null = null;
  const counts = (evidence: SentenceEvidence | undefined) =>
    evidence !== undefined && evidence.kind !== 'question' && evidence.kind !== 'heading' && evidence.kind !== 'instruction';
  sentences.forEach((evidence, i) => {
    if (!counts(evidence)) return;
    let share = shareOf(concepts, evidence.matches, weigh);
    const next = sentences[i + 1];
    if (next && counts(next) && !record.text.slice(evidence.sentence.end - record.start, next.sentence.start - record.start).includes('\n\n')) {
      share = Math.max(share, shareOf(concepts, unionOf([evidence.matches, next.matches], concepts.length), weigh));
    }
    if (share > focus) {
      focus = share;
      focusAt = evidence;
    }
  });
  return { focus, focusAt };
}

/**
 * A name, acronym, number or quoted title stands in the passage, its headings or its title as a
 * word of its own ("Teams" is not in "wijkteams"), or an acronym is spelled out there.
 */
function holdsAnchor(concept: WeightedConcept, passage: AnalysedPassage): boolean {
  const own = concept.alternatives.filter((alternative) => alternative.kind !== 'parts' && alternative.kind !== 'cognate');
  if (own.some((alternative) => alternative.terms.every((term) => passage.wordStems.has(term)))) return true;
  return /^\p{Lu}{2,}$/u.test(concept.surface) && spellsOut(concept.surface, initialsOf(passage));
}

/** A word's first letter (folded) and whether it is a capital: what an acronym is spelled out in. */
interface Initial {
  initial: string;
  capital: boolean;
}

const passageInitials = new WeakMap<AnalysedPassage, Initial[]>();
/** The initials of a passage's words, read the first time an acronym is looked for in it. */
function initialsOf(passage: AnalysedPassage): Initial[] {
  let initials = passageInitials.get(passage);
  if (!initials) {
    initials = words(passage.record.text).map((word) => ({ initial: foldWord(word[0] ?? ''), capital: /^\p{Lu}/u.test(word) }));
    passageInitials.set(passage, initials);
  }
  return initials;
}

/** Whether words with these initials write the acronym out: "SCP" in "Sociaal en Cultureel Planbureau". */
function spellsOut(acronym: string, capitalised: readonly Initial[]): boolean {
  const letters = [...acronym.toLowerCase()];
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

function kindOf(text: string, analyzer: DutchAnalyzer): SentenceKind {
  if (addressesTheAssistant(text, analyzer.isWord)) return 'instruction';
  if (/\?["'”’)]*$/.test(text)) return 'question';
  if (/[.!:;]["'”’)]*$/.test(text)) return 'statement';
  const count = wordCount(text);
  if (count <= BYLINE_WORDS && ENDS_WITH_DATE.test(text)) return 'byline';
  return count < FRAGMENT_WORDS ? 'fragment' : 'statement';
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
  let held = 0;
  for (const term of terms) if (present.has(term)) held++;
  return held / terms.length;
}
