// Holds a language model's answer to its sources. Every generated sentence must carry a marker
// [n] to a passage that supports its content (two of every three of its content words, every
// number and every name it uses, and the same polarity: a "niet" or "geen" the source lacks, or
// drops, is a different claim), and that support must speak to the question. Unsupported
// sentences are dropped; once two of them outnumber the kept ones, nothing after them is trusted
// (what was kept stands: it may have been streamed). Each citation quotes the supporting
// sentence (or the two adjacent sentences) verbatim, with its offsets. Text that addresses an
// assistant is no support. Only checked sentences are streamed.
import type { Citation } from '../../contract.js';
import { addressesTheAssistant } from '../../language/addresses-the-assistant.js';
import type { DutchAnalyzer } from '../../language/dutch-analyzer.js';
import { foldWord } from '../../language/fold.js';
import { type Sentence, splitSentences } from '../../language/sentences.js';
import { wordSpans } from '../../language/words.js';
import type { PassageRecord } from '../../records.js';
import { coverage } from '../../retrieve/concept-matches.js';
import type { WeightedConcept } from '../../retrieve/concept-weights.js';
import type { RetrievedPassage } from '../../retrieve/retriever.js';
import { citation } from '../citations.js';
import { NO_ANSWER } from './prompt.js';

export type ValidatedAnswer =
  | { status: 'answered'; text: string; citations: Citation[]; droppedSentences: number }
  | { status: 'declined' }
  | { status: 'invalid'; droppedSentences: number; keptSentences: number };

const MARKERS = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/g;
/** Share of a generated sentence's content words its source must hold: a clear majority. */
export const MIN_SUPPORT = 2 / 3;
/** Unsupported sentences, when they outnumber the kept ones, after which nothing is trusted. */
const UNTRUSTED_AFTER = 2;
/** A "not in the documents" with a short remark around it is still a decline. */
const DECLINE_SLACK_CHARS = 40;
const NEGATIONS = new Set(['niet', 'geen', 'nooit', 'niets', 'nergens', 'niemand', 'zonder', 'not', 'no', 'never', 'none', 'without']);
/** Words a model uses to attribute, not to claim: "Volgens de documenten …". */
const ATTRIBUTION = new Set(['volgens', 'document', 'documenten', 'passage', 'passages', 'bron', 'bronnen', 'tekst', 'teksten']);

/**
 * Checks a model's answer sentence by sentence, in the order it writes them, so the same check
 * serves a streamed answer and a whole one: `read` takes the text so far and returns the
 * sentences newly kept (only complete ones until the model is done). A sentence is kept when a
 * passage it cites supports it; once at least two unsupported sentences outnumber the kept ones,
 * nothing after is trusted (one unsupported opening, "Goede vraag.", is not yet a pattern). What was kept is never taken back, so a streamed sentence
 * is always in the final answer.
 */
export function createAnswerCheck(passages: readonly RetrievedPassage[], concepts: readonly WeightedConcept[], analyzer: DutchAnalyzer) {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const kept: string[] = [];
  let dropped = 0;
  let read = 0;
  let text = '';

  function check(sentence: string, numbers: readonly number[]): string | null {
    if (dropped >= UNTRUSTED_AFTER && dropped > kept.length) return null;
    const claim = claimOf(sentence, analyzer);
    const markers: number[] = [];
    for (const n of numbers) {
      const passage = passages[n - 1]?.passage;
      if (!passage) continue; // a marker that points to no passage
      const support = bestSupport(claim, passage, concepts, analyzer);
      if (!support) continue;
      const key = `${passage.id}@${support.start}-${support.end}`;
      let number = numberOf.get(key);
      if (number === undefined) {
        number = citations.length + 1;
        numberOf.set(key, number);
        citations.push(citation(number, passage, support));
      }
      if (!markers.includes(number)) markers.push(number);
    }
    return markers.length === 0 ? null : `${sentence} ${markers.map((n) => `[${n}]`).join(' ')}`;
  }

  return {
    /** The sentences of `textSoFar` newly kept, with their markers renumbered. */
    read(textSoFar: string, done: boolean): string[] {
      text = textSoFar;
      const newlyKept: string[] = [];
      for (const { sentence, numbers } of completeSentences(textSoFar, done).slice(read)) {
        read++;
        const checked = check(sentence, numbers);
        if (checked === null) {
          dropped++;
          continue;
        }
        kept.push(checked);
        newlyKept.push(checked);
      }
      return newlyKept;
    },
    /** The answer once the model is done: what was kept, else a decline or nothing to trust. */
    result(): ValidatedAnswer {
      if (kept.length === 0) return isDecline(text) ? { status: 'declined' } : { status: 'invalid', droppedSentences: dropped, keptSentences: 0 };
      // Only the citations a kept sentence still points to.
      const used = citations.filter((entry) => kept.some((sentence) => sentence.includes(`[${entry.n}]`)));
      return { status: 'answered', text: kept.join(' '), citations: used, droppedSentences: dropped };
    },
  };
}

export function validateLlmAnswer(
  raw: string,
  passages: readonly RetrievedPassage[],
  concepts: readonly WeightedConcept[],
  analyzer: DutchAnalyzer,
): ValidatedAnswer {
  const check = createAnswerCheck(passages, concepts, analyzer);
  check.read(raw, true);
  return check.result();
}

/** Whether the model said the passages do not answer ("GEEN_ANTWOORD", perhaps with a short remark). */
function isDecline(raw: string): boolean {
  const text = raw.trim();
  return text === '' || (text.includes(NO_ANSWER) && text.replace(NO_ANSWER, '').replace(MARKERS, '').trim().length < DECLINE_SLACK_CHARS);
}

/**
 * The sentences of a streamed answer that are complete: every one but the last while the model
 * writes (markers after a full stop still belong to it), all of them once it is done.
 */
function completeSentences(text: string, done: boolean): { sentence: string; numbers: number[] }[] {
  const all = sentencesWithMarkers(text.trim());
  return done ? all : all.slice(0, -1);
}

/**
 * Whether a supporting quote answers the question at all: it, with the sentence before and after
 * it and the passage's title, byline and headings as context, holds at least one of the question's
 * concepts, measured as the extractive evidence measures them. Of the 164 passage sentences that
 * hold a dev question's gold quote, every one does (the quote alone: 86 %; with title and
 * headings: 94 %); "De gemeente is failliet." beside sentences on other things answers no
 * question about respijtzorg, however well it supports the claim.
 */
function speaksToTheQuestion(around: readonly Sentence[], passage: PassageRecord, concepts: readonly WeightedConcept[], analyzer: DutchAnalyzer): boolean {
  if (concepts.length === 0) return true;
  const terms = new Set(analyzer.indexTerms(around.map((sentence) => sentence.text).join(' ')));
  const context = new Set(
    analyzer.indexTerms(
      [passage.documentTitle, passage.attribution ?? '', passage.section ?? '', ...passage.headings.map((heading) => heading.title)].join('\n'),
    ),
  );
  return coverage(concepts, terms, context).covered.size > 0;
}

/** What a generated sentence claims: its content words (with their index terms), numbers, names and polarity. */
interface Claim {
  words: { terms: readonly string[] }[];
  numbers: string[];
  names: string[];
  negated: boolean;
}

function claimOf(sentence: string, analyzer: DutchAnalyzer): Claim {
  const spans = wordSpans(sentence);
  const claim: Claim = { words: [], numbers: [], names: [], negated: false };
  spans.forEach(({ word, start }, i) => {
    const folded = foldWord(word);
    if (NEGATIONS.has(folded)) claim.negated = true;
    if (ATTRIBUTION.has(folded)) return;
    if (/\d/.test(word)) claim.numbers.push(folded);
    else if (i > 0 && /^\p{Lu}/u.test(word) && !/[.!?:]\s*$/.test(sentence.slice(0, start))) claim.names.push(folded);
    const terms = analyzer.indexTerms(word);
    if (terms.length > 0) claim.words.push({ terms });
  });
  return claim;
}

/**
 * The sentence, or two adjacent ones, of `passage` that support the claim best and speak to the
 * question; null when none does.
 */
function bestSupport(claim: Claim, passage: PassageRecord, concepts: readonly WeightedConcept[], analyzer: DutchAnalyzer): Sentence | null {
  if (claim.words.length === 0) return null;
  const sentences = splitSentences(passage.text, passage.start).filter((sentence) => !addressesTheAssistant(sentence.text, analyzer.isWord));
  const passageWords = new Set(
    [passage.text, passage.documentTitle, passage.attribution ?? '', passage.section ?? ''].flatMap((text) =>
      wordSpans(text).map(({ word }) => foldWord(word)),
    ),
  );
  if (claim.names.some((name) => !passageWords.has(name))) return null;

  let best: { window: Sentence; share: number } | null = null;
  for (const [i, first] of sentences.entries()) {
    const next = sentences[i + 1];
    for (const window of next ? [[first], [first, next]] : [[first]]) {
      const text = window.map((sentence) => sentence.text).join(' ');
      const terms = new Set(analyzer.indexTerms(text));
      const folded = new Set(wordSpans(text).map(({ word }) => foldWord(word)));
      if (claim.numbers.some((number) => !folded.has(number))) continue;
      if ([...folded].some((word) => NEGATIONS.has(word)) !== claim.negated) continue;
      const supported = claim.words.filter(
        ({ terms: wordTerms }) => terms.has(wordTerms[0]!) || (wordTerms.length > 1 && wordTerms.slice(1).every((term) => terms.has(term))),
      );
      const share = supported.length / claim.words.length;
      const last = window.at(-1)!;
      if (share >= MIN_SUPPORT && !speaksToTheQuestion(sentences.slice(Math.max(0, i - 1), i + window.length + 1), passage, concepts, analyzer)) continue;
      // The tightest quote that supports the claim best: one sentence rather than two.
      if (share >= MIN_SUPPORT && (!best || share > best.share || (share === best.share && last.end - first.start < best.window.end - best.window.start))) {
        best = { window: { start: first.start, end: last.end, text: passage.text.slice(first.start - passage.start, last.end - passage.start) }, share };
      }
    }
  }
  return best?.window ?? null;
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
