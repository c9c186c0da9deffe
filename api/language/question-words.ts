// The words of a question as a reader sees them: where they stand, how they are written, and
// which of them are anchors: names, acronyms, numbers and quoted titles. An anchor says what
// exactly the question is about ("Eindhoven", "Wet verplichte ggz", "2015"): a passage that
// lacks it cannot answer, however many other words it shares.
import { foldWord } from './fold.js';
import { isDottedName, wordSpans } from './words.js';

export interface QuestionWord {
  /** As written in the question. */
  surface: string;
  folded: string;
  anchor: boolean;
  /** Where the word stands in the question. */
  start: number;
  end: number;
}

// A quote opens after a space and closes before one or a punctuation mark, so the apostrophes
// of "opa's en oma's" are not read as quotation marks.
const QUOTED = /(?<=^|[\s(])['‘"“„«]([^'’"”«»]{2,80})['’"”»](?=$|[\s.,;:!?)])/gu;
const SENTENCE_START = /(^|[.!?:]\s*)["'‘“„(]*$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;
const CAPITALISED = /^\p{Lu}/u;
const NUMBER = /^\d{2,}$/;
/** Capitalised for grammar, not as names: the English first person. */
const NEVER_ANCHORS = new Set(['I']);

/** A word in capitals: an acronym ("GGD", "WIJ") or a dotted name ("VERT.ZOEKEN"). */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word) || isDottedName(word);
}

export function questionWords(text: string): QuestionWord[] {
  const quoted: [number, number][] = [...text.matchAll(QUOTED)].map((match) => [match.index + 1, match.index + match[0].length - 1]);
  const inQuotes = (offset: number) => quoted.some(([start, end]) => offset >= start && offset < end);
  return wordSpans(text).map(({ word, start, end }) => {
    const sentenceInitial = SENTENCE_START.test(text.slice(0, start));
    const name = CAPITALISED.test(word) && !sentenceInitial;
    const anchor = !NEVER_ANCHORS.has(word) && (isAcronym(word) || name || NUMBER.test(word) || (inQuotes(start) && word.length > 1));
    return { surface: word, folded: foldWord(word), anchor, start, end };
  });
}
