// Dutch analysis for the lexical index: words are folded (no diacritics), stopwords dropped,
// stemmed with the Snowball Dutch stemmer, and compounds also indexed by their parts.
import { stemmer } from '@orama/stemmers/dutch';
import { stopwords as snowballStopwords } from '@orama/stopwords/dutch';
import type { Decompounder } from './decompounder.js';
import { foldWord } from './fold.js';
import { isAcronym, type QuestionWord, questionWords } from './question-words.js';
import { isDottedName, words } from './words.js';

/**
 * Question words, fillers and the verbs that frame a question about a text ("wat schrijft het
 * rapport over ...", "wat zegt ... over") but carry no topic; on top of Snowball's Dutch list.
 */
const QUESTION_STOPWORDS = [
  'welke',
  'welk',
  'waarom',
  'wanneer',
  'hoeveel',
  'waarmee',
  'waarover',
  'waaraan',
  'waarvoor',
  'graag',
  'eigenlijk',
  'precies',
  'schrijft',
  'schrijven',
  'zegt',
  'zeggen',
  'noemt',
  'noemen',
  'vermeldt',
  'beschrijft',
  'staan',
  'stellen',
  'stelt',
  'betekent',
  'bedoeld',
  'verstaan',
  'vind',
  'vinden',
  'aanbevolen',
  'aangeraden',
  'geadviseerd',
  'doet',
  // Function words Snowball's list lacks: prepositions, pronouns, quantifiers, modal verbs.
  'via',
  'per',
  'hen',
  'waar',
  'alle',
  'elk',
  'elke',
  'ieder',
  'iedere',
  'enkele',
  'zowel',
  'moeten',
];
/** After "hoe" these ask for a measure ("Hoe lang …?", "Hoe vaak …?"): the question's form, as "hoeveel" is, not its topic. */
const MEASURE_AFTER_HOE = new Set(['lang', 'vaak', 'groot', 'hoog', 'oud', 'ver', 'duur', 'laat', 'veel', 'snel']);
const MAX_CACHED_WORDS = 200_000;
const STOPWORDS = new Set([...snowballStopwords, ...QUESTION_STOPWORDS].map(foldWord));

/** One topic word of a question, with the index terms that can stand for it. */
export interface Concept {
  /** The folded word. */
  label: string;
  /** The word as the question writes it. */
  surface: string;
  /** A name, acronym, number or quoted title: an answering passage must contain it. */
  anchor: boolean;
  alternatives: Alternative[];
  /**
   * The particle a separable verb left at the end of the question ("Hoe pakken we eenzaamheid
   * aan?"), which may belong to this word: expansion joins them where the index knows the result.
   */
  separated?: string;
}

/**
 * Terms that together express a concept, how much a match counts, and what they are to the
 * question's word: the word itself, its compound parts, a variant found in the index, a
 * translation (English questions), a look-alike, or the surname after a first name (which holds
 * the name as an anchor, not as a word).
 */
export interface Alternative {
  terms: string[];
  weight: number;
  kind: AlternativeKind;
}

export type AlternativeKind = 'word' | 'parts' | 'verb' | 'variant' | 'translation' | 'cognate' | 'surname';

export const PARTS_WEIGHT = 0.8;
/** A word written as a name: a capital, then lower case ("Bert", not "GGD"). */
const NAME_WORD = /^\p{Lu}\p{Ll}/u;
/** The bare verb of a split separable verb ("stromen" of "door te stromen") says less than the verb. */
const BARE_VERB_WEIGHT = 0.5;
/** Particles of Dutch separable verbs, which an infinitive clause splits off: "door te stromen". */
const SEPARABLE_PARTICLES = new Set([
  'aan',
  'af',
  'bij',
  'door',
  'in',
  'mee',
  'na',
  'om',
  'op',
  'over',
  'terug',
  'toe',
  'uit',
  'voor',
  'weg',
  'samen',
  'tegen',
  'vast',
  'los',
]);

/**
 * What may follow the particle of a split separable verb: the clause's end, or a phrase or clause
 * placed after it ("Hoe snijd ik een foto bij in GIMP?", "Hoe vraag ik een vergunning aan voor
 * een straatfeest?", "Hoe druk ik de brief af als boekje?"). Before a noun the word is a
 * preposition ("Hoe zet ik tekst op een foto?").
 */
const AFTER_PARTICLE = new Set([
  'in',
  'op',
  'aan',
  'bij',
  'met',
  'voor',
  'naar',
  'van',
  'tot',
  'uit',
  'om',
  'door',
  'over',
  'onder',
  'tussen',
  'zonder',
  'als',
  'zodat',
  'zodra',
  'wanneer',
  'omdat',
  'terwijl',
]);

/**
 * The particle a separable verb left behind in a question, if any: the first that ends its
 * clause. Not "om" before an infinitive clause ("om door te stromen"), whose own particle the
 * infinitive keeps.
 */
function separatedParticle(words: readonly string[]): string | undefined {
  return words.find(
    (word, i) =>
      SEPARABLE_PARTICLES.has(word) && words[i - 1] !== 'te' && words[i + 2] !== 'te' && (i === words.length - 1 || AFTER_PARTICLE.has(words[i + 1]!)),
  );
}

export interface DutchAnalyzer {
  /** Index terms of a passage: stems plus the stems of compound parts. */
  indexTerms(text: string): string[];
  /** The stems of the words themselves, without compound parts: "wijkteams" holds no word "teams". */
  wordStems(text: string): string[];
  /** The index terms of one word (words.ts): its own stem first, then its compound parts' stems; none for a stop word. */
  wordTerms(word: string): readonly string[];
  /** The concepts of a question, before expansion against the index vocabulary. */
  concepts(text: string): Concept[];
  isStopword(word: string): boolean;
  stem(word: string): string;
  /** Whether the Dutch word list holds the (folded) word. */
  isWord(word: string): boolean;
}

/**
 * `isWord`: whether the word list holds a (folded) word; `isGivenName`: whether it lists the
 * (folded) word as a proper name ("Bert", "Jitske"), so that written capitalised before another
 * name it is a person's first name.
 */
export function createDutchAnalyzer(
  decompounder: Decompounder,
  isWord: (word: string) => boolean = () => false,
  isGivenName: (word: string) => boolean = () => false,
): DutchAnalyzer {
  const stemCache = new Map<string, string>();
  const stem = (folded: string) => {
    let stemmed = stemCache.get(folded);
    if (stemmed === undefined) {
      stemmed = stemmer(folded);
      stemCache.set(folded, stemmed);
    }
    return stemmed;
  };
  // Each distinct word is analysed once: folding, stopwords, stemming and decompounding are the
  // cost of analysing text, and the words of a corpus repeat. Bounded, as questions bring new ones.
  const wordTerms = new Map<string, readonly string[]>();
  const termsOf = (word: string): readonly string[] => {
    let terms = wordTerms.get(word);
    if (!terms) {
      if (!isContent(word)) terms = [];
      else {
        const folded = withoutApostropheEnding(foldWord(word));
        terms = [stem(folded), ...(isDottedName(word) ? segmentStems(word) : decompounder.split(folded).map(stem))];
      }
      if (wordTerms.size >= MAX_CACHED_WORDS) wordTerms.clear();
      wordTerms.set(word, terms);
    }
    return terms;
  };
  // A word in capitals is a name or an acronym ("WIJ", "GGD"), never a stopword.
  const isContent = (word: string) => (isAcronym(word) || !STOPWORDS.has(foldWord(word))) && (word.length > 1 || /\d/.test(word));
  /** The parts of a dotted name are its segments, as a compound's are its words: "VERT.ZOEKEN" holds "zoeken". */
  const segmentStems = (name: string) =>
    name
      .split('.')
      .filter(isContent)
      .map((segment) => stem(foldWord(segment)));

  /**
   * The surname after a first name ("Bert Wienen"): a text that has introduced a person names
   * them by surname alone ("Wienen benadrukt …"), so the surname holds the first name too.
   */
  const surnameAfter = (text: string, all: readonly QuestionWord[], i: number): string | undefined => {
    const [first, next] = [all[i]!, all[i + 1]];
    if (!next || !first.anchor || !next.anchor || !isGivenName(first.folded)) return undefined;
    // Two capitalised words a space apart; "Verwey-Jonker" is one double name.
    const written = NAME_WORD.test(first.surface) && NAME_WORD.test(next.surface) && /^ +$/.test(text.slice(first.end, next.start));
    return written ? withoutApostropheEnding(next.folded) : undefined;
  };

  return {
    indexTerms(text) {
      const terms: string[] = [];
      for (const word of words(text)) terms.push(...termsOf(word));
      return terms;
    },
    wordStems(text) {
      const stems: string[] = [];
      for (const word of words(text)) {
        const own = termsOf(word)[0];
        if (own !== undefined) stems.push(own);
      }
      return stems;
    },
    wordTerms: termsOf,
    concepts(text) {
      const seen = new Set<string>();
      const concepts: Concept[] = [];
      const all = questionWords(text);
      const separated = separatedParticle(all.map((word) => word.folded));
      all.forEach(({ surface, folded, anchor }, i) => {
        if (all[i - 1]?.folded === 'hoe' && MEASURE_AFTER_HOE.has(folded)) return;
        const particle = all[i - 1]?.folded === 'te' ? all[i - 2]?.folded : undefined;
        const joined = particle && SEPARABLE_PARTICLES.has(particle) ? particle + folded : null;
        if (!joined && !isContent(surface)) return;
        const word = withoutApostropheEnding(joined ?? folded);
        const whole = stem(word);
        if (seen.has(whole)) return;
        seen.add(whole);
        const alternatives: Alternative[] = [{ terms: [whole], weight: 1, kind: 'word' }];
        if (joined && isContent(surface)) alternatives.push({ terms: [stem(folded)], weight: BARE_VERB_WEIGHT, kind: 'verb' });
        const parts = isDottedName(surface) ? segmentStems(surface) : decompounder.split(word).map(stem);
        if (parts.length > 1) alternatives.push({ terms: parts, weight: PARTS_WEIGHT, kind: 'parts' });
        const surname = surnameAfter(text, all, i);
        if (surname) alternatives.push({ terms: [stem(surname)], weight: 1, kind: 'surname' });
        concepts.push({ label: word, surface: joined ?? surface, anchor, alternatives, ...(separated && !joined && !anchor ? { separated } : {}) });
      });
      return concepts;
    },
    isStopword: (word) => STOPWORDS.has(foldWord(word)),
    stem: (word) => stem(foldWord(word)),
    isWord,
  };
}

/** "programma's" is the plural of "programma": an apostrophe ending is inflection, not the word. */
function withoutApostropheEnding(word: string): string {
  return word.replace(/['’][a-z]{1,2}$/, '');
}
