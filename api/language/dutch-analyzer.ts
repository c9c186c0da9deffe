// Dutch analysis for the lexical index: words are folded (no diacritics), stopwords dropped,
// stemmed with the Snowball Dutch stemmer, and compounds also indexed by their parts.
import { stemmer } from '@orama/stemmers/dutch';
import { stopwords as snowballStopwords } from '@orama/stopwords/dutch';
import type { Decompounder } from './decompounder.js';
import { foldWord } from './fold.js';
import { words } from './words.js';

/**
 * Question words, fillers and the verbs that frame a question about a text ("wat schrijft het
 * rapport over ...", "wat zegt ... over") but carry no topic; on top of Snowball's Dutch list.
 */
const QUESTION_STOPWORDS = [
  'welke', 'welk', 'waarom', 'wanneer', 'hoeveel', 'waarmee', 'waarover', 'waaraan', 'waarvoor', 'graag', 'eigenlijk', 'precies',
  'schrijft', 'schrijven', 'zegt', 'zeggen', 'noemt', 'noemen', 'vermeldt', 'beschrijft', 'staan', 'stellen', 'stelt',
  'betekent', 'bedoeld', 'verstaan', 'vind', 'vinden', 'aanbevolen', 'aangeraden', 'geadviseerd', 'doet',
];
const STOPWORDS = new Set([...snowballStopwords, ...QUESTION_STOPWORDS].map(foldWord));

/** One topic word of a question, with the index terms that can stand for it. */
export interface Concept {
  label: string;
  alternatives: Alternative[];
}

/** Terms that together express a concept (a compound's parts), and how much a match counts. */
export interface Alternative {
  terms: string[];
  weight: number;
}

export const PARTS_WEIGHT = 0.8;

export interface DutchAnalyzer {
  /** Index terms of a passage: stems plus the stems of compound parts. */
  indexTerms(text: string): string[];
  /** The concepts of a question, before expansion against the index vocabulary. */
  concepts(text: string): Concept[];
  isStopword(word: string): boolean;
  stem(word: string): string;
}

export function createDutchAnalyzer(decompounder: Decompounder): DutchAnalyzer {
  const stemCache = new Map<string, string>();
  const stem = (folded: string) => {
    let stemmed = stemCache.get(folded);
    if (stemmed === undefined) {
      stemmed = stemmer(folded);
      stemCache.set(folded, stemmed);
    }
    return stemmed;
  };
  // A word in capitals is a name or an acronym ("WIJ", "GGD"), never a stopword.
  const contentWords = (text: string) =>
    words(text)
      .filter((word) => /^\p{Lu}[\p{Lu}\d]+$/u.test(word) || !STOPWORDS.has(foldWord(word)))
      .map(foldWord)
      .filter((word) => word.length > 1 || /\d/.test(word));

  return {
    indexTerms(text) {
      const terms: string[] = [];
      for (const word of contentWords(text)) {
        terms.push(stem(word));
        for (const part of decompounder.split(word)) terms.push(stem(part));
      }
      return terms;
    },
    concepts(text) {
      const seen = new Set<string>();
      const concepts: Concept[] = [];
      for (const word of contentWords(text)) {
        const whole = stem(word);
        if (seen.has(whole)) continue;
        seen.add(whole);
        const alternatives: Alternative[] = [{ terms: [whole], weight: 1 }];
        const parts = decompounder.split(word).map(stem);
        if (parts.length > 1) alternatives.push({ terms: parts, weight: PARTS_WEIGHT });
        concepts.push({ label: word, alternatives });
      }
      return concepts;
    },
    isStopword: (word) => STOPWORDS.has(foldWord(word)),
    stem: (word) => stem(foldWord(word)),
  };
}
