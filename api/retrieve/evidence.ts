// Measures how much of a question a passage and its sentences hold: the evidence that re-ranks
// retrieval, decides whether to answer, and is what an extractive answer is composed from.

import { addressesTheAssistant } from '../language/addresses-the-assistant.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { type Sentence, splitSentences } from '../language/sentences.js';
import { wordCount, words } from '../language/words.js';
import { type PassageRecord, sectionOf } from '../records.js';
import { contextMatches, coverage, coveredBy, holdsAny, questionTerms, shareOf, textMatches, unionOf, withContext } from './concept-matches.js';
import { holdsAsWord, type WeightedConcept } from './concept-weights.js';

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
 * - fragment: a few words without a full stop (debris, labels), punctuation without a word ("(...)."),
 *   or a run-in label: a few words with a full stop that the next sentence opens with again.
 */
export type SentenceKind = 'statement' | 'question' | 'instruction' | 'heading' | 'byline' | 'fragment';

export interface SentenceEvidence {
  sentence: Sentence;
  passage: PassageRecord;
  section: string | null;
  kind: SentenceKind;
  /** Weighted share of the question's concepts in the sentence (heading and title at reduced credit). */
  coverage: number;
  /** Indexes of the concepts the sentence covers (shared by the sentences that hold only their heading's). */
  covered: ReadonlySet<number>;
  /** Per concept, how fully the sentence (or at half credit its heading and title) holds it: 0..1. */
  matches: ArrayLike<number>;
  /** Per concept, how fully the sentence's own words hold it: 0..1. */
  ownMatches: ArrayLike<number>;
  terms: ReadonlySet<string>;
  /** Terms of the heading (and document title) the sentence falls under. */
  context: ReadonlySet<string>;
}

export interface PassageEvidence {
  /** Indexes of the concepts the passage's own text holds (not only its heading or title). */
  held: ReadonlySet<number>;
  /** Weighted share of the question's concepts in the heading and title the passage falls under. */
  contextCoverage: number;
  /** Best weighted share held by one sentence or two adjacent ones: local, not scattered, evidence. */
  focus: number;
  /** The sentence (or first of the pair) where that focus lies. */
  focusAt: SentenceEvidence | null;
  /** Anchors of the question (names, acronyms, numbers) the passage, its heading and title lack. */
  anchorsMissing: string[];
  /**
   * Indexes of the concepts the passage's document holds anywhere, as a word or a variant (not
   * only as a compound's parts): whether the document the passage comes from speaks of them.
   */
  documentHeld: ReadonlySet<number>;
  sentences: SentenceEvidence[];
}

/** What a passage is made of, whatever the question: its sentences and their terms. Computed once per passage. */
export interface AnalysedPassage {
  record: PassageRecord;
  sentences: { sentence: Sentence; section: string | null; kind: SentenceKind; terms: ReadonlySet<string> }[];
  /** The passage's own terms, as the index holds them: its text and the heading it falls under. */
  terms: ReadonlySet<string>;
  /**
   * Terms of each section heading the passage's sentences fall under, with the document title and
   * the byline the passage falls under (whom it is by).
   */
  contexts: ReadonlyMap<string | null, ReadonlySet<string>>;
  /** Stems of the whole words (no compound parts) of the passage, its headings, title and byline: where a name must stand. */
  wordStems: ReadonlySet<string>;
}

export function analysePassage(record: PassageRecord, analyzer: DutchAnalyzer): AnalysedPassage {
  // What stands above every sentence of the passage: its document's title and whom it is by.
  const titleTerms = analyzer.indexTerms(`${record.documentTitle}\n${record.attribution ?? ''}`);
  const contexts = new Map<string | null, Set<string>>();
  const contextOf = (section: string | null) => {
    if (!contexts.has(section)) contexts.set(section, new Set([...analyzer.indexTerms(section ?? ''), ...titleTerms]));
  };
  contextOf(record.section);
  const terms = new Set(record.section && !record.text.startsWith(record.section) ? analyzer.indexTerms(record.section) : []);
  const wordStems = new Set(
    analyzer.wordStems([record.documentTitle, record.attribution ?? '', record.section ?? '', ...record.headings.map((heading) => heading.title)].join('\n')),
  );
  const sentences: AnalysedPassage['sentences'] = [];
  // The sentences cover every word of the text (they split only at white space): each sentence's
  // words, read once, give its terms, the passage's word stems and its kind.
  for (const sentence of splitSentences(record.text, record.start)) {
    const sentenceWords = words(sentence.text);
    const sentenceTerms = new Set<string>();
    for (const word of sentenceWords) {
      const wordTerms = analyzer.wordTerms(word);
      for (const term of wordTerms) sentenceTerms.add(term);
      if (wordTerms[0] !== undefined) wordStems.add(wordTerms[0]);
    }
    for (const term of sentenceTerms) terms.add(term);
    const section = sectionOf(record, sentence.start);
    contextOf(section);
    // A heading is the context of what follows it, never a sentence of the answer itself.
    sentences.push({ sentence, section, kind: sentence.text === section ? 'heading' : kindOf(sentence.text, analyzer, sentenceWords), terms: sentenceTerms });
    // Whether a sentence is a run-in label shows only in the sentence after it.
    const previous = sentences.at(-2);
    if (previous?.kind === 'statement' && isRunInLabel(previous.sentence, sentence, record)) previous.kind = 'fragment';
  }
  return { record, sentences, terms, contexts, wordStems };
}

/**
 * How much of the question the passage and its sentences hold. `documentTerms`: the question's
 * index terms that the passage's document holds (PassageStore.termsInDocuments); without them the
 * passage is taken for its whole document.
 */
export function passageEvidence(
  passage: AnalysedPassage,
  concepts: readonly WeightedConcept[],
  documentTerms: ReadonlySet<string> = passage.terms,
): PassageEvidence {
  const { record, contexts } = passage;
  const contextOf = (section: string | null) => contexts.get(section) ?? new Set<string>();
  const asked = questionTerms(concepts);
  // Most sentences hold no word of the question: what they hold is their heading's and title's,
  // the same for every sentence under them, so it is weighed once per section and shared.
  const none = new Float64Array(concepts.length);
  const fromContext = new Map<string | null, Pick<SentenceEvidence, 'matches' | 'coverage' | 'covered'>>();
  const contextOnly = (section: string | null) => {
    let held = fromContext.get(section);
    if (!held) {
      const matches = contextMatches(concepts, contextOf(section));
      held = { matches, coverage: shareOf(concepts, matches), covered: coveredBy(matches) };
      fromContext.set(section, held);
    }
    return held;
  };
  const sentences: SentenceEvidence[] = passage.sentences.map(({ sentence, section, kind, terms }) => {
    const context = contextOf(section);
    const inContext = contextOnly(section);
    if (!holdsAny(terms, asked)) return { sentence, passage: record, section, kind, ...inContext, ownMatches: none, terms, context };
    const ownMatches = textMatches(concepts, terms);
    const matches = withContext(ownMatches, inContext.matches);
    return { sentence, passage: record, section, kind, coverage: shareOf(concepts, matches), covered: coveredBy(matches), matches, ownMatches, terms, context };
  });
  const context = contextOf(record.section);
  const { focus, focusAt } = bestWindow(sentences, concepts, record);
  // The passage's own words, weighed once: which concepts it holds.
  const own = textMatches(concepts, passage.terms, asked);
  let documentHeld: ReadonlySet<number> | undefined;
  return {
    held: coveredBy(own),
    contextCoverage: coverage(concepts, context).share,
    focus,
    focusAt,
    anchorsMissing: concepts.filter((concept) => concept.anchor && !holdsAnchor(concept, passage)).map((concept) => concept.surface),
    // Read only for the passage an answer comes from: weighed the first time it is asked for.
    get documentHeld() {
      documentHeld ??= new Set(concepts.flatMap((concept, c) => (holdsAsWord(concept, (term) => documentTerms.has(term)) ? [c] : [])));
      return documentHeld;
    },
    sentences,
  };
}

/** Two adjacent sentences of one paragraph often answer together: "Wat is X? X is … Het doel is …". */
function bestWindow(
  sentences: readonly SentenceEvidence[],
  concepts: readonly WeightedConcept[],
  record: PassageRecord,
): { focus: number; focusAt: SentenceEvidence | null } {
  let focus = 0;
  let focusAt: SentenceEvidence | null = null;
  const counts = (evidence: SentenceEvidence | undefined) =>
    evidence !== undefined && evidence.kind !== 'question' && evidence.kind !== 'heading' && evidence.kind !== 'instruction';
  sentences.forEach((evidence, i) => {
    if (!counts(evidence)) return;
    let share = evidence.coverage;
    const next = sentences[i + 1];
    // Two sentences holding only what their heading holds hold together no more than one.
    if (
      next &&
      counts(next) &&
      next.matches !== evidence.matches &&
      !record.text.slice(evidence.sentence.end - record.start, next.sentence.start - record.start).includes('\n\n')
    ) {
      share = Math.max(share, shareOf(concepts, unionOf([evidence.matches, next.matches], concepts.length)));
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

/**
 * A few words with a full stop that the next sentence opens with again, on the same line, label a
 * list item the way a heading would ("Realistische verwachtingen. Realistische verwachtingen over
 * … voorkomt teleurstellingen."): the label is no statement of its own, the sentence after it is.
 */
function isRunInLabel(sentence: Sentence, next: Sentence, record: PassageRecord): boolean {
  if (!sentence.text.endsWith('.') || wordCount(sentence.text) >= FRAGMENT_WORDS) return false;
  const between = record.text.slice(sentence.end - record.start, next.start - record.start);
  return !between.includes('\n') && next.text.toLowerCase().startsWith(`${sentence.text.slice(0, -1).toLowerCase()} `);
}

function kindOf(text: string, analyzer: DutchAnalyzer, textWords: readonly string[]): SentenceKind {
  if (addressesTheAssistant(text, analyzer.isWord, textWords)) return 'instruction';
  // Punctuation without a word ("(...).", "•") is debris, however it ends.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'fragment';
  if (/\?["'”’)]*$/.test(text)) return 'question';
  if (/[.!:;]["'”’)]*$/.test(text)) return 'statement';
  const count = wordCount(text);
  if (count <= BYLINE_WORDS && ENDS_WITH_DATE.test(text)) return 'byline';
  return count < FRAGMENT_WORDS ? 'fragment' : 'statement';
}
